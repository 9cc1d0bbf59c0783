package uk.opcc.funding.catalogue;

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
        String domain = "@example.org";
        assertThat(EmailAddress.isPlausible("a".repeat(254 - domain.length()) + domain)).isTrue();
        assertThat(EmailAddress.isPlausible("a".repeat(255 - domain.length()) + domain)).isFalse();
    }
}
