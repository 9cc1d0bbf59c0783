package uk.opcc.funding.catalogue;

import uk.opcc.funding.catalogue.text.EmailAddress;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressTest {
    @Test
    void addressesPeopleReallyHaveArePlausible() {
        assertThat(EmailAddress.isPlausible("sam@example.org")).isTrue();
        assertThat(EmailAddress.isPlausible("first.last+grants@eden-valley.org.uk")).isTrue();
        assertThat(EmailAddress.isPlausible("o'brien@example.co.uk")).isTrue();
    }

    @Test
    void anythingThatCouldCarryAHeaderOrIsNotAnAddressIsNot() {
        assertThat(EmailAddress.isPlausible("sam@example.org\r\nBcc: all@example.org")).isFalse();
        assertThat(EmailAddress.isPlausible("Sam <sam@example.org>")).isFalse();
        assertThat(EmailAddress.isPlausible("sam@example")).isFalse(); // no dot in the domain
        assertThat(EmailAddress.isPlausible("sam example@example.org")).isFalse();
        assertThat(EmailAddress.isPlausible("sam@exa_mple.org")).isFalse();
        assertThat(EmailAddress.isPlausible("a,b@example.org")).isFalse();
        assertThat(EmailAddress.isPlausible("")).isFalse();
    }

    @Test
    void longerThanSmtpAllowsIsNot() {
        String local = "a".repeat(64);
        String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".uk"; // 189: 64 + 1 + 189 = 254
        assertThat(EmailAddress.isPlausible(local + "@" + domain)).isTrue();
        assertThat(EmailAddress.isPlausible(local + "@e" + domain)).as("255 in all").isFalse();
        assertThat(EmailAddress.isPlausible("a".repeat(65) + "@example.org")).as("a local part over 64").isFalse();
        assertThat(EmailAddress.isPlausible("sam@" + "b".repeat(64) + ".org")).as("a label over 63").isFalse();
    }

    /** What SES refuses for good, refused here, where the applicant can still put it right. */
    @Test
    void addressesSesWouldRefuseAreNot() {
        assertThat(EmailAddress.isPlausible("a@-.-")).isFalse();
        assertThat(EmailAddress.isPlausible("sam@-example.org")).isFalse();
        assertThat(EmailAddress.isPlausible("sam@example-.org")).isFalse();
        assertThat(EmailAddress.isPlausible("sam@example..org")).isFalse();
        assertThat(EmailAddress.isPlausible("sam@.example.org")).isFalse();
        assertThat(EmailAddress.isPlausible(".sam@example.org")).isFalse();
        assertThat(EmailAddress.isPlausible("sam.@example.org")).isFalse();
        assertThat(EmailAddress.isPlausible("sa..m@example.org")).isFalse();
        assertThat(EmailAddress.isPlausible("sam@192.168.0.1")).isFalse();
        assertThat(EmailAddress.isPlausible("josé@example.org")).as("a non-ASCII local part needs SMTPUTF8, which SES lacks").isFalse();
        assertThat(EmailAddress.isPlausible("sam@exämple.org")).isFalse();
        assertThat(EmailAddress.isPlausible("sam@example.org\u0085")).isFalse();
        assertThat(EmailAddress.isPlausible("sam\u202E@example.org")).isFalse();
        assertThat(EmailAddress.isPlausible("sam@xn--exmple-cua.org")).as("an IDN domain written as ASCII is fine").isTrue();
        assertThat(EmailAddress.isPlausible("no-reply@funding.localhost")).isTrue();
    }
}
