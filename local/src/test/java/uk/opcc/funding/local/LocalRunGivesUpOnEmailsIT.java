package uk.opcc.funding.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When the local run cannot send an application's emails (here its outbox cannot be written), it
 * stops after Lambda's attempts instead of retrying every 300 ms for ever: the record is parked
 * in {@code failed-records/} with one line on the console, and the resend sends the emails once
 * the outbox works again. Real time: about 25 seconds of retries.
 */
class LocalRunGivesUpOnEmailsIT {
    @RegisterExtension
    static final LocalRunFixture local = new LocalRunFixture();

    @Test
    void aFailingEmailIsParkedAfterItsAttemptsWithOneConsoleLine_andTheResendSendsIt() throws Exception {
        Path outbox = local.run().outbox;
        Path failedRecords = local.work().resolve(StreamPoller.FAILED_RECORDS);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream before = System.out;
        System.setOut(new PrintStream(both(before, console), true, StandardCharsets.UTF_8));
        String reference;
        try {
            // given an outbox that cannot be written
            if (Files.isDirectory(outbox)) {
                uk.opcc.funding.site.SiteBaker.deleteTree(outbox);
            }
            Files.writeString(outbox, "not a folder");

            // when an application arrives
            reference = local.apply(LocalRunFixture.answers("groupName", "Parked Club"));

            // then, after its attempts, its record is parked and the console says so, once
            Path parked = waitForParked(failedRecords, "APP#" + reference, Duration.ofSeconds(90));
            Thread.sleep(10_000); // longer than the longest wait between retries: a seventh attempt would have come
            List<String> lines = console.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(reference)).toList();
            assertThat(lines.stream().filter(l -> l.contains("\"event\":\"email-failed\"") && l.contains("\"recipient\":\"staff\"")))
                    .as("the staff email's attempts, one logged per invocation").hasSize(6);
            assertThat(lines.stream().filter(l -> l.startsWith("Emails not sent"))).singleElement().satisfies(line -> assertThat(line).startsWith("Emails not sent for APP#" + reference + " after 6 attempts")
                    .contains(parked.toString(), "exec:java@resend"));
            assertThat(Files.readString(parked)).contains("\"condition\" : \"RetryAttemptsExhausted\"", "\"approximateInvokeCount\" : 6");
        } finally {
            System.setOut(before);
        }

        // when the outbox works again and the resend runs
        Files.delete(outbox);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ResendFailedEmails.run(local.source(), local.work(), false, new PrintStream(printed, true, StandardCharsets.UTF_8));

        // then both emails are sent, once
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("1 application(s) with an email not sent; 2 email(s) sent now");
        assertThat(Outbox.waitForEmail(outbox, reference, LocalRunFixture.STAFF)).exists();
        assertThat(Outbox.waitForEmail(outbox, reference, LocalRunFixture.APPLICANT)).exists();
    }

    /** Everything printed goes where it went before (the test's quiet output) and into the test's copy. */
    static OutputStream both(OutputStream before, OutputStream copy) {
        return new OutputStream() {
            @Override
            public synchronized void write(int b) throws java.io.IOException {
                before.write(b);
                copy.write(b);
            }

            @Override
            public synchronized void write(byte[] bytes, int offset, int length) throws java.io.IOException {
                before.write(bytes, offset, length);
                copy.write(bytes, offset, length);
            }
        };
    }

    static Path waitForParked(Path folder, String key, Duration within) throws Exception {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                        if (Files.readString(file).contains(key)) {
                            return file;
                        }
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No failed record for " + key + " in " + folder + " within " + within);
    }
}
