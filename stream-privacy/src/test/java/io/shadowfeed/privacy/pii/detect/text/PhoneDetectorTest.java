package io.shadowfeed.privacy.pii.detect.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.shadowfeed.privacy.pii.PiiType;
import io.shadowfeed.privacy.pii.detect.DetectorRegistry;
import io.shadowfeed.privacy.pii.detect.PiiAnalyzer;
import io.shadowfeed.privacy.pii.detect.Span;
import io.shadowfeed.privacy.pii.detect.TextContext;
import io.shadowfeed.privacy.pii.detect.TextDetector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PhoneDetectorTest {

    private static final TextDetector PHONE = DetectorRegistry.defaults().detectors().stream()
            .filter(d -> d.name().equals("phone")).findFirst().orElseThrow();

    private static List<String> phones(String text) {
        return phones(text, null);
    }

    private static List<String> phones(String text, String region) {
        List<Span> out = new ArrayList<>();
        PHONE.detect(TextContext.of(text, region), out);
        return out.stream().map(s -> s.textOf(text)).collect(Collectors.toList());
    }

    @Test
    void findsInternationalAndDefaultRegionNumbers() {
        assertThat(phones("Call +44 20 7946 0958 or +1 201-555-6225 today")).containsExactly("+44 20 7946 0958",
                "+1 201-555-6225");
        assertThat(phones("Neue Nummer: +49 (0)30 12345678.")).containsExactly("+49 (0)30 12345678");
        assertThat(phones("reach me at (201) 555-0212, thanks")).containsExactly("(201) 555-0212");
        assertThat(phones("Kunde: 顧客の電話+81 3-1234-5678です")).containsExactly("+81 3-1234-5678");
        assertThat(phones("dial 0044 20 7946 0958")).as("IDD 00 is not the US prefix").isEmpty();
        assertThat(phones("dial 011 44 20 7946 0958")).containsExactly("011 44 20 7946 0958");
    }

    @Test
    void scoresWithContext() {
        List<Span> out = new ArrayList<>();
        PHONE.detect(TextContext.of("Tel. +44 20 7946 0958"), out);
        assertThat(out).singleElement().extracting(Span::score).isEqualTo(0.6 + 0.3);
        out.clear();
        PHONE.detect(TextContext.of("see +44 20 7946 0958"), out);
        assertThat(out).singleElement().extracting(Span::score).isEqualTo(0.6);
        out.clear();
        PHONE.detect(TextContext.of("Rückruf unter 030 125080"), out);
        assertThat(out).as("extra region, with its phone word").singleElement().extracting(Span::score)
                .isEqualTo(0.45 + 0.3);
    }

    @Test
    void nationalFormatsOfOtherRegionsNeedAPhoneWordOrTheRowsRegion() {
        assertThat(phones("Herr Schneider bittet um Rückruf unter 030 125080.")).containsExactly("030 125080");
        assertThat(phones("Téléphone : 01 23 45 13 34, disponible le matin.")).containsExactly("01 23 45 13 34");
        assertThat(phones("Teléfono de contacto 612 34 20 07, llamar por la tarde.")).containsExactly("612 34 20 07");
        assertThat(phones("Call Ruth on 0121 234 8188 regarding the missing item.")).containsExactly("0121 234 8188");
        assertThat(phones("Siehe 030 125080.")).as("no phone word").isEmpty();
        assertThat(phones("Siehe 030 125080.", "DE")).as("the row's region").containsExactly("030 125080");
        assertThat(phones("Siehe 030 125080.", "de")).containsExactly("030 125080");
        assertThat(phones("Siehe 30 125080.", "DE")).as("German numbers are written with the 0").isEmpty();
        assertThat(phones("Siehe 030 125080.", "XX")).as("unknown region: no hint").isEmpty();
        assertThat(phones("Rufnummer 0171 1234567")).containsExactly("0171 1234567");
        assertThat(phones("tel 06 12 34 56 78")).containsExactly("06 12 34 56 78");
        assertThat(phones("téléphone 0612340920")).as("bare, with the national prefix").containsExactly("0612340920");
        assertThat(phones("Telefon: Kundennummer 123456789")).isEmpty();
        assertThat(phones("Telefon 123456789")).as("bare, no national prefix: not tried abroad").isEmpty();
        assertThat(phones("Bitte anrufen, Auftrag 2024 123 456")).isEmpty();
        assertThat(phones("llamar al cliente 28 04 1990 nacido")).as("a date with spaces").isEmpty();
        assertThat(phones("Two-factor code was sent to +44 121 234 5230.")).containsExactly("+44 121 234 5230");
    }

    @Test
    void leavesNumbersThatAreNotPhonesAlone() {
        assertThat(phones("Order 4155552671 shipped")).isEmpty();
        assertThat(phones("phone order 201-555-0212")).as("negative word before the number").isEmpty();
        assertThat(phones("call 4155552671")).containsExactly("4155552671");
        assertThat(phones("ref 4155552671")).as("bare digits need a phone word").isEmpty();
        assertThat(phones("logged at 2024-07-12 10:30 from the call centre")).isEmpty();
        assertThat(phones("call back on 12.03.2024 please")).isEmpty();
        assertThat(phones("phone server 203.0.113.54 is down")).isEmpty();
        assertThat(phones("phone bill 1.234.567,89 EUR")).isEmpty();
        assertThat(phones("phone SKU AB-201-555-0212")).isEmpty();
        assertThat(phones("phone 201-555-0212-XL")).isEmpty();
        assertThat(phones("write to 2015550212@example.org")).isEmpty();
        assertThat(phones("up 2015550212% on last year")).isEmpty();
        assertThat(phones("cost $2015550212")).isEmpty();
        assertThat(phones("call (201 555-0212")).as("unbalanced bracket").isEmpty();
    }

    @Test
    void analyzerPassesTheRegionHint() {
        PiiAnalyzer analyzer = PiiAnalyzer.defaults();
        assertThat(analyzer.analyze("Siehe 030 125080", "DE")).extracting(Span::type)
                .containsExactly(PiiType.PHONE);
        assertThat(analyzer.analyze("Siehe 030 125080", null)).isEmpty();
        assertThat(analyzer.analyze("Siehe 030 125080")).isEmpty();
    }

    @Test
    void hostileInputsFinishQuickly() {
        String spaced = "1 ".repeat(1 << 19);
        String brackets = "(".repeat(1 << 20);
        String pluses = "+1".repeat(1 << 19);
        String mixed = "(0)-/ .9".repeat(1 << 17);
        String surrogates = "\uD800+44 20 7946 0958\uDC00".repeat(1 << 14);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            phones(spaced);
            phones(brackets);
            phones(pluses);
            phones(mixed);
            assertThat(phones(surrogates)).hasSize(1 << 14);
        });
    }
}
