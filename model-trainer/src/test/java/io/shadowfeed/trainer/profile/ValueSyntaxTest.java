package io.shadowfeed.trainer.profile;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ValueSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-12", "+3.5", ".5", "5.", "1e10", "1.5E-3", "2174", "-0.0"})
    void plainDecimalsAreNumbers(String text) {
        assertThat(ValueSyntax.isNumber(text)).isTrue();
        assertThat(ValueSyntax.parseNumber(text)).isEqualTo(Double.parseDouble(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "NaN", "Infinity", "0x1p3", "1d", "2f", "1e", "1,5", "12a", " 1", "1e+"})
    void otherTextIsNot(String text) {
        assertThat(ValueSyntax.isNumber(text)).isFalse();
        assertThat(ValueSyntax.parseNumber(text)).isNaN();
    }

    @ParameterizedTest
    @ValueSource(strings = {"007", "-01", "00"})
    void zeroPaddedNumbersAreCodes(String text) {
        assertThat(ValueSyntax.isZeroPaddedCode(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.5", "-0.25", "10", "100"})
    void otherNumbersAreNotCodes(String text) {
        assertThat(ValueSyntax.isZeroPaddedCode(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "ID", "Id", "customer_id", "CustomerId", "customerID", "order-id", "Track ID"})
    void keyNames(String name) {
        assertThat(ValueSyntax.isIdName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"humid", "paid", "valid", "idle", "IDEA", "squid", "i", "void"})
    void notKeyNames(String name) {
        assertThat(ValueSyntax.isIdName(name)).isFalse();
    }
}
