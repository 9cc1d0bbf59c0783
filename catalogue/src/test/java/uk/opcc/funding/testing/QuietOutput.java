package uk.opcc.funding.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Keeps the build's output readable: what tests and the engines they start print (our JSON log
 * lines, DynamoDB Local's banner, SES emulator chatter) is held back, and shown only for a test
 * that fails, under its name. Registered for every test through JUnit's extension
 * auto-detection (META-INF/services; switched on for Surefire and Failsafe in the parent pom).
 * Set {@code -Dtest.output=show} to see everything as it happens.
 */
public final class QuietOutput implements BeforeAllCallback, BeforeEachCallback, TestWatcher, AfterAllCallback {
    private static final PrintStream CONSOLE = System.err;
    private static final ByteArrayOutputStream HELD = new ByteArrayOutputStream();
    private static final boolean SHOW = "show".equals(System.getProperty("test.output"));

    static {
        if (!SHOW) {
            PrintStream held = new PrintStream(HELD, true, StandardCharsets.UTF_8);
            System.setOut(held);
            System.setErr(held);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // Loading this class swaps the streams; what a class's set-up prints is kept until its first test.
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // Output before a test (class set-up, the previous test) belongs to no failure of this one.
        synchronized (HELD) {
            HELD.reset();
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        show(context.getDisplayName() + " in " + context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // A class whose set-up failed has no failed test to show its output under.
        if (context.getExecutionException().isPresent()) {
            show("set-up of " + context.getDisplayName());
        }
        synchronized (HELD) {
            HELD.reset();
        }
    }

    private static void show(String what) {
        if (SHOW) {
            return;
        }
        String output;
        synchronized (HELD) {
            output = HELD.toString(StandardCharsets.UTF_8);
            HELD.reset();
        }
        if (!output.isBlank()) {
            CONSOLE.println("---- output of failed " + what + " ----");
            CONSOLE.print(output);
            CONSOLE.println("---- end of output ----");
        }
    }
}
