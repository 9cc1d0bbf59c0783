package uk.opcc.funding.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

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
}
