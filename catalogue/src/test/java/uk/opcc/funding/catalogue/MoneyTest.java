package uk.opcc.funding.catalogue;

import uk.opcc.funding.catalogue.text.Money;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {
    @Test
    void showsWholePoundsWithoutPence() {
        assertThat(Money.format(new BigDecimal("2500"))).isEqualTo("£2,500");
        assertThat(Money.format(new BigDecimal("250000.00"))).isEqualTo("£250,000");
    }

    @Test
    void showsPenceWhenThereAreAny() {
        assertThat(Money.format(new BigDecimal("2499.5"))).isEqualTo("£2,499.50");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1850|1850", " 1850 |1850", "£1,850|1850", "1,850|1850", "1,850.00|1850", "£ 1850.5|1850.50",
            "1,234,567.89|1234567.89", "0.50|0.50"})
    void readsAmountsAsPeopleTypeThemAndStoresThemPlainly(String typed, String stored) {
        assertThat(Money.parse(typed).map(Money::plain)).contains(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,85", "18,50.00", "12e3", "-5", "2500.001", "one thousand", "0x10", "5 5", "£", "", "1.", ".5", "$100"})
    void refusesToGuessAtAnythingElse(String typed) {
        assertThat(Money.parse(typed)).isEmpty();
    }

    @Test
    void exactAmountsAlwaysShowPence() {
        assertThat(Money.exact(new BigDecimal("1850"))).isEqualTo("£1,850.00");
        assertThat(Money.exact(new BigDecimal("1250.5"))).isEqualTo("£1,250.50");
    }
}
