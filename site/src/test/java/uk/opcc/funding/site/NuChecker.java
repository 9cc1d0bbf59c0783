package uk.opcc.funding.site;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** The Nu HTML Checker (vnu), run in the test's own JVM: each error it finds added to a list, warnings left out. */
public final class NuChecker {
    private NuChecker() {
    }

    /**
     * Checks each file named and prints each error; exits 1 if there was any. For tests whose own
     * classpath cannot hold the checker (the local run's, whose engines need a newer Jetty).
     */
    public static void main(String[] files) throws Exception {
        List<String> errors = new java.util.ArrayList<>();
        SimpleDocumentValidator validator = validator(errors);
        for (String file : files) {
            validator.checkHtmlFile(new java.io.File(file), true);
        }
        errors.forEach(System.out::println);
        System.out.println("Nu HTML Checker: " + files.length + " files, " + errors.size() + " errors");
        System.exit(errors.isEmpty() ? 0 : 1);
    }

    /** Runs {@link #main} in a JVM of its own over the site module's test classpath; the checker's report. */
    public static String checkInItsOwnJvm(Path siteModule, List<Path> files) throws Exception {
        String classpath = Files.readString(siteModule.resolve("target/nu-checker.classpath")).strip()
                + java.io.File.pathSeparator + siteModule.resolve("target/test-classes").toAbsolutePath();
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, NuChecker.class.getName()));
        files.forEach(f -> command.add(f.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new AssertionError("The Nu HTML Checker found errors:\n" + output);
        }
        return output;
    }

    public static SimpleDocumentValidator validator(List<String> errors) throws Exception {
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings are advice, not failures
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getSystemId() + ":" + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collect);
        validator.setUpValidatorAndParsers(collect, false, false);
        return validator;
    }
}
