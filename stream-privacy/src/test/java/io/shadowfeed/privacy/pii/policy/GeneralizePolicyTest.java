package io.shadowfeed.privacy.pii.policy;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static io.shadowfeed.privacy.pii.policy.TestKeys.parse;
import static org.assertj.core.api.Assertions.assertThat;

class GeneralizePolicyTest {

    @Test
    void agesBecomeFiveYearBandsTopCodedAtNinety() {
        FieldPolicy age = parse("generalize:age5");
        assertThat(age.outputShape()).isEqualTo(OutputShape.STRING);
        assertThat(age.apply(37)).isEqualTo("35-39");
        assertThat(age.apply(35L)).isEqualTo("35-39");
        assertThat(age.apply(39.9)).isEqualTo("35-39");
        assertThat(age.apply("0")).isEqualTo("0-4");
        assertThat(age.apply(89)).isEqualTo("85-89");
        assertThat(age.apply(90)).isEqualTo("90+");
        assertThat(age.apply(130)).isEqualTo("90+");
        assertThat(age.apply(-1)).isEqualTo("unknown");
        assertThat(age.apply("n/a")).isEqualTo("unknown");
        assertThat(age.apply(null)).isNull();
        assertThat(parse("generalize:age10").apply(37)).isEqualTo("30-39");
        assertThat(parse("generalize:age1").apply(37)).isEqualTo("37");
    }

    @Test
    void datesBecomeTheirMonthInTheirOwnType() {
        FieldPolicy month = parse("generalize:month");
        assertThat(month.outputShape()).isEqualTo(OutputShape.SAME_TYPE);
        int days = (int) LocalDate.of(2024, 3, 17).toEpochDay();
        assertThat(month.apply(days)).isEqualTo((int) LocalDate.of(2024, 3, 1).toEpochDay());
        long millis = Instant.parse("2024-03-17T10:15:30Z").toEpochMilli();
        assertThat(month.apply(millis)).isEqualTo(Instant.parse("2024-03-01T00:00:00Z").toEpochMilli());
        assertThat(month.apply(-1L)).isEqualTo(Instant.parse("1969-12-01T00:00:00Z").toEpochMilli());
        assertThat(month.apply("2024-03-17")).isEqualTo("2024-03");
        assertThat(month.apply("2024-03-17T10:15:30+02:00")).isEqualTo("2024-03");
        assertThat(month.apply("2024-03")).isEqualTo("2024-03");
        assertThat(month.apply("17/03/2024")).isEqualTo("unknown");
        assertThat(month.apply(LocalDate.of(2024, 3, 17))).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(month.apply(Instant.parse("2024-03-17T10:15:30Z"))).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat((Long) month.apply(Long.MAX_VALUE)).isPositive().isLessThanOrEqualTo(Long.MAX_VALUE);
        assertThat(month.apply(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
        assertThat(month.apply(Integer.MIN_VALUE)).isInstanceOf(Integer.class);
    }

    @Test
    void postcodesKeepTheirFirstCharacters() {
        assertThat(parse("generalize:postcode:2").apply("70174")).isEqualTo("70***");
        assertThat(parse("generalize:postcode:3").apply("SW1V 3EN")).isEqualTo("SW1* ***");
        assertThat(parse("generalize:postcode:5").apply("01007-010")).isEqualTo("01007-***");
        assertThat(parse("generalize:postcode:0").apply("H-1073")).isEqualTo("*-****");
        assertThat(parse("generalize:postcode:2").apply(70174)).isEqualTo("70***");
    }

    @Test
    void numbersBecomeBucketsOrRanges() {
        FieldPolicy bucket = parse("generalize:bucket:10");
        assertThat(bucket.outputShape()).isEqualTo(OutputShape.SAME_TYPE);
        assertThat(bucket.apply(47)).isEqualTo(40);
        assertThat(bucket.apply(-3)).isEqualTo(-10);
        assertThat(bucket.apply(47L)).isEqualTo(40L);
        assertThat(bucket.apply(47.5)).isEqualTo(40.0);
        assertThat(bucket.apply(47.5f)).isEqualTo(40.0f);
        assertThat(bucket.apply("47")).isEqualTo("40");
        assertThat(bucket.apply(new BigDecimal("47.25"))).isEqualTo(new BigDecimal("40"));
        assertThat(bucket.apply(Integer.MAX_VALUE)).isEqualTo(2147483640);
        assertThat(bucket.apply("abc")).isEqualTo("unknown");
        assertThat(bucket.apply(Double.NaN)).isEqualTo(Double.NaN);
        FieldPolicy range = parse("generalize:bucket:10:range");
        assertThat(range.outputShape()).isEqualTo(OutputShape.STRING);
        assertThat(range.apply(47)).isEqualTo("[40,50)");
        assertThat(range.apply(3.99)).isEqualTo("[0,10)");
        assertThat(parse("generalize:bucket:0.5:range").apply(3.7)).isEqualTo("[3.5,4.0)");
        assertThat(parse("generalize:bucket:2.5").apply(47)).isEqualTo(45);
    }
}
