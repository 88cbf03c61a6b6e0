package io.shadowfeed.privacy.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.shadowfeed.privacy.pii.PiiType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PiiAnalyzerTest {

    private final PiiAnalyzer analyzer = PiiAnalyzer.defaults();

    private List<String> found(String text) {
        return analyzer.analyze(text).stream().map(s -> s.type() + ":" + s.textOf(text)).collect(Collectors.toList());
    }

    @Test
    void findsAndRedactsEachType() {
        String text = "Jane Whitfield (jane@example.org, +44 20 7946 0958) paid with 4111 1111 1111 1111; IBAN "
                + "DE89 3704 0044 0532 0130 00, SSN 536-22-1234, from 203.0.113.54, MAC 00:1A:2B:3C:4D:5E, "
                + "https://example.com/x, wallet 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa, DNI 12345678Z, born 1979-11-23.";
        assertThat(found(text)).containsExactly("PERSON_NAME:Jane Whitfield", "EMAIL:jane@example.org",
                "PHONE:+44 20 7946 0958", "CREDIT_CARD:4111 1111 1111 1111", "IBAN:DE89 3704 0044 0532 0130 00",
                "US_SSN:536-22-1234", "IP_ADDRESS:203.0.113.54", "MAC_ADDRESS:00:1A:2B:3C:4D:5E",
                "URL:https://example.com/x", "CRYPTO_WALLET:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
                "NATIONAL_ID:12345678Z", "DATE_OF_BIRTH:1979-11-23");
        assertThat(SpanRedactor.tags().redact(text, analyzer.analyze(text))).isEqualTo(
                "<PERSON_NAME> (<EMAIL>, <PHONE>) paid with <CREDIT_CARD>; IBAN <IBAN>, SSN <US_SSN>, from "
                        + "<IP_ADDRESS>, MAC <MAC_ADDRESS>, <URL>, wallet <CRYPTO_WALLET>, DNI <NATIONAL_ID>, born "
                        + "<DATE_OF_BIRTH>.");
    }

    @Test
    void leavesLookalikesAlone() {
        assertThat(found("Order 4155552671 total 129.99 EUR on 2024-01-15, card 4111 1111 1111 1112, "
                + "IBAN DE89 3704 0044 0532 0130 01, version 1.2.3.4, SKU AX-7731-B")).isEmpty();
    }

    @Test
    void honorificsAndDictionaryNames() {
        assertThat(found("Herr Müller und Sra. Laura Jiménez trafen Dr. J. Watson")).containsExactly(
                "PERSON_NAME:Müller", "PERSON_NAME:Laura Jiménez", "PERSON_NAME:J. Watson");
        assertThat(found("May I ask about the Hope Street store?")).isEmpty();
    }

    @Test
    void overlapsResolveByScoreThenLength() {
        List<Span> resolved = PiiAnalyzer.resolve(new ArrayList<>(List.of(new Span(0, 10, PiiType.PHONE, 0.6),
                new Span(0, 12, PiiType.NATIONAL_ID, 0.6), new Span(5, 8, PiiType.CREDIT_CARD, 1.0),
                new Span(20, 25, PiiType.EMAIL, 0.9))));
        assertThat(resolved).containsExactly(new Span(5, 8, PiiType.CREDIT_CARD, 1.0),
                new Span(20, 25, PiiType.EMAIL, 0.9));
    }

    @Test
    void badInputNeverThrows() {
        assertThat(analyzer.analyze(null)).isEmpty();
        assertThat(analyzer.analyze("")).isEmpty();
        assertThat(analyzer.analyze("\uD800 lone high \uDC00 lone low jane@example.org \uD800"))
                .extracting(Span::type).containsExactly(PiiType.EMAIL);
        String emoji = "🎉 thanks 🎉 write to zoe.hill@example.org 👍🏽 or call +44 20 7946 0958 🙏";
        List<Span> spans = analyzer.analyze(emoji);
        assertThat(spans).extracting(s -> s.textOf(emoji)).containsExactly("zoe.hill@example.org",
                "+44 20 7946 0958");
        String rtl = "مرحبا، بريدي هو ahmed@example.com ورقمي +44 20 7946 0958 \u202Eשלום";
        assertThat(analyzer.analyze(rtl)).extracting(Span::type).containsExactly(PiiType.EMAIL, PiiType.PHONE);
        String mixed = "Клиент Иван Петров, 顧客 tanaka@example.jp, Ελένη";
        assertThat(found(mixed)).contains("PERSON_NAME:Иван Петров", "EMAIL:tanaka@example.jp");
    }

    @Test
    void oneMegabyteInputsFinishQuickly() {
        String digits = "1".repeat(1 << 20);
        String ats = "a@".repeat(1 << 19);
        StringBuilder notes = new StringBuilder();
        while (notes.length() < (1 << 20)) {
            notes.append("Customer Jane Doe paid 12.50 on 2024-01-01, mail jane@example.org, card 4111 1111 1111 1111. ");
        }
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            analyzer.analyze(digits);
            analyzer.analyze(ats);
            analyzer.analyze(" ".repeat(1 << 20));
            assertThat(analyzer.analyze(notes.toString())).hasSizeGreaterThan(30_000);
        });
    }

    @Test
    void sameResultsOnEveryThread() throws Exception {
        List<MarkedText> notes = MarkedText.load("/pii/text/support-notes.txt");
        List<List<Span>> expected = new ArrayList<>();
        for (MarkedText n : notes) {
            expected.add(analyzer.analyze(n.text()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<List<Span>>>> futures = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                futures.add(pool.submit(() -> {
                    List<List<Span>> got = new ArrayList<>();
                    for (MarkedText n : notes) {
                        got.add(analyzer.analyze(n.text()));
                    }
                    return got;
                }));
            }
            for (Future<List<List<Span>>> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void registryFiltersAndRejectsBadConfiguration() {
        DetectorRegistry only = DetectorRegistry.defaults().only(Set.of(PiiType.EMAIL));
        assertThat(only.types()).containsExactly(PiiType.EMAIL);
        assertThat(PiiAnalyzer.builder().optRegistry(only).build().analyze("jane@example.org 4111111111111111"))
                .extracting(Span::type).containsExactly(PiiType.EMAIL);
        assertThat(PiiAnalyzer.builder().optTypes(Set.of(PiiType.CREDIT_CARD)).build()
                .analyze("jane@example.org 4111111111111111")).extracting(Span::type)
                .containsExactly(PiiType.CREDIT_CARD);
        assertThat(DetectorRegistry.defaults().detectors()).extracting(TextDetector::name).doesNotHaveDuplicates();
        assertThatThrownBy(() -> DetectorRegistry.builder().load(json("{\"formatVersion\": 2, \"detectors\": []}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("formatVersion must be 1. Provided value: 2");
        assertThatThrownBy(() -> DetectorRegistry.builder().load(json("{\"formatVersion\": 1, \"detectors\": ["
                + "{\"name\": \"x\", \"type\": \"EMAIL\", \"patterns\": [{\"name\": \"p\", \"regex\": \"a\","
                + " \"score\": 0.5}], \"validator\": \"nope\"}]}")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("validator must be one of");
        assertThatThrownBy(() -> DetectorRegistry.builder().loadDefaults().loadDefaults())
                .isInstanceOf(IllegalStateException.class).hasMessage("the default detectors are already loaded");
        assertThatThrownBy(() -> DetectorRegistry.builder().loadDefaults()
                .add(PatternDetector.builder("email", PiiType.EMAIL).addPattern("p", "x", 0.5).build()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("detector names must be unique; 'email' appears twice");
    }

    @Test
    void phoneRegionIsConfigurable() {
        PiiAnalyzer german = PiiAnalyzer.builder()
                .optRegistry(DetectorRegistry.builder().loadDefaults().optPhoneRegion("DE").build()).build();
        assertThat(german.analyze("Bitte 030 12345678 anrufen")).extracting(Span::type)
                .containsExactly(PiiType.PHONE);
        assertThat(german.analyze("Siehe 030 12345678")).extracting(Span::type).containsExactly(PiiType.PHONE);
        PiiAnalyzer extra = PiiAnalyzer.builder().optRegistry(DetectorRegistry.builder().loadDefaults()
                .optPhoneExtraRegions(List.of("DE")).build()).build();
        assertThat(extra.analyze("Bitte 030 12345678 anrufen")).as("extra region next to a phone word")
                .extracting(Span::type).containsExactly(PiiType.PHONE);
        assertThat(extra.analyze("Siehe 030 12345678")).as("extra region without a phone word").isEmpty();
        assertThat(analyzer.analyze("Siehe 030 12345678")).as("US default, no context").isEmpty();
    }

    @Test
    void triggerChecksAreConfigurableAndOnlySkipWindowsThatCannotMatch() {
        DetectorRegistry r = DetectorRegistry.builder().load(json("{\"formatVersion\": 1, \"detectors\": ["
                + "{\"name\": \"code\", \"type\": \"NATIONAL_ID\", \"trigger\": {\"digits\": 4, \"minToken\": 7,"
                + " \"anyOf\": \"-\"}, \"patterns\": [{\"name\": \"p\", \"regex\": \"\\\\bAB-\\\\d{4}\\\\b\","
                + " \"score\": 0.9}, {\"name\": \"long\", \"regex\": \"\\\\b\\\\d{8}\\\\b\", \"score\": 0.9,"
                + " \"minRun\": 8}]},"
                + "{\"name\": \"dob\", \"type\": \"DATE_OF_BIRTH\", \"trigger\": {\"context\": true, \"digits\": 4},"
                + " \"context\": [\"born\"], \"patterns\": [{\"name\": \"y\", \"regex\": \"\\\\b\\\\d{4}\\\\b\","
                + " \"score\": 0.9}]}]}")).build();
        PatternDetector code = (PatternDetector) r.detectors().get(0);
        assertThat(code.trigger()).isEqualTo(PatternDetector.Trigger.digits(4).withMinToken(7).withAnyOf("-"));
        assertThat(code.patterns().get(1).minRun()).isEqualTo(8);
        assertThat(((PatternDetector) r.detectors().get(1)).trigger())
                .isEqualTo(PatternDetector.Trigger.context().withMinDigits(4));
        PiiAnalyzer a = PiiAnalyzer.builder().optRegistry(r).build();
        assertThat(a.analyze("id AB-1234 and 12345678-x").stream().map(s -> s.type() + ":" + s.textOf(
                "id AB-1234 and 12345678-x"))).containsExactly("NATIONAL_ID:AB-1234", "NATIONAL_ID:12345678");
        assertThat(a.analyze("id AB-1234")).as("'AB-1234' has the 7 chars").hasSize(1);
        assertThat(a.analyze("id 1234 5678")).as("no '-' in the window").isEmpty();
        String born = "born in 1979, then a long story about moving house, a new job and more, in 2001";
        assertThat(a.analyze(born)).extracting(sp -> sp.textOf(born)).containsExactly("1979");
        assertThat(a.analyze("moved in 1979")).as("no context word").isEmpty();
        assertThatThrownBy(() -> DetectorRegistry.builder().load(json("{\"formatVersion\": 1, \"detectors\": ["
                + "{\"name\": \"x\", \"type\": \"EMAIL\", \"trigger\": {\"sometimes\": 1}, \"patterns\": ["
                + "{\"name\": \"p\", \"regex\": \"a\", \"score\": 0.5}]}]}")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("trigger of detector 'x' must be");
        assertThatThrownBy(() -> PatternDetector.Trigger.digits(1).withAnyOf("é"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("anyOf must hold ASCII chars only. Provided value: é");
    }

    @Test
    void spansAndRedactorValidate() {
        assertThatThrownBy(() -> new Span(3, 3, PiiType.EMAIL, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("end must be > start. Provided value: 3 (start 3)");
        assertThatThrownBy(() -> new Span(0, 3, PiiType.NONE, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Span(0, 3, PiiType.EMAIL, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score must be in [0, 1]. Provided value: 1.5");
        assertThatThrownBy(() -> SpanRedactor.tags().redact("abcdef",
                List.of(new Span(0, 3, PiiType.EMAIL, 1), new Span(2, 4, PiiType.PHONE, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("spans must not overlap");
        assertThat(SpanRedactor.with((s, original) -> "*".repeat(original.length()))
                .redact("call 555", List.of(new Span(5, 8, PiiType.PHONE, 1)))).isEqualTo("call ***");
        assertThat(SpanRedactor.tags().redact(null, List.of())).isNull();
    }

    private static ByteArrayInputStream json(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
