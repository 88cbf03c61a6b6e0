package io.shadowfeed.privacy.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.shadowfeed.privacy.pii.detect.internal.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TextContext}'s digit windows (found by searching for digits first) against a plain token-by-token reference,
 * and the per-window facts (longest token, longest digit run, chars present) against brute force, on random texts
 * over an alphabet of digits, letters, separators and Unicode spaces.
 */
class TextContextTest {

    private static final String ALPHABET = "ab1 2\t\n.-:AZ9\u00A0é\u2007x0 @/\u202F,+(";

    @Test
    void digitWindowsMatchATokenByTokenReference() {
        Random random = new Random(20250101);
        int windows = 0;
        for (int k = 0; k < 50_000; k++) {
            String text = randomText(random, random.nextInt(60));
            TextContext ctx = TextContext.of(text);
            List<int[]> expected = reference(text);
            int[] w = ctx.digitWindows();
            int[] counts = ctx.digitCounts();
            assertThat(counts).as(text).hasSize(expected.size());
            for (int j = 0; j < expected.size(); j++) {
                assertThat(new int[] {w[2 * j], w[2 * j + 1], counts[j]}).as(text).containsExactly(expected.get(j));
                String window = text.substring(w[2 * j], w[2 * j + 1]);
                assertThat(ctx.longestTokens()[j]).as(window).isEqualTo(longestToken(window));
                assertThat(ctx.longestDigitRuns()[j]).as(window).isEqualTo(longestDigitRun(window));
                for (char c : ".-:@/xAZ".toCharArray()) {
                    assertThat(ctx.windowHasAny(j, TextContext.charMask(String.valueOf(c))))
                            .as("'%s' in [%s]", c, window).isEqualTo(window.indexOf(c) >= 0);
                }
                windows++;
            }
        }
        assertThat(windows).isGreaterThan(50_000);
    }

    @Test
    void regionHintIsNormalised() {
        assertThat(TextContext.of("x", " de ").region()).isEqualTo("DE");
        assertThat(TextContext.of("x", " ").region()).isNull();
        assertThat(TextContext.of("x", null).region()).isNull();
        assertThat(TextContext.of(null).text()).isEmpty();
    }

    @Test
    void literalWindowsCoverTheTokensAroundEachLiteral() {
        TextContext ctx = TextContext.of("mail a@b.c or visit www.x.org, x@y");
        assertThat(ctx.literalWindows("@")).containsExactly(5, 10, 31, 34);
        assertThat(ctx.literalWindows("@", "www.")).containsExactly(5, 10, 20, 30, 31, 34);
        assertThat(ctx.literalWindows("://")).isEmpty();
    }

    private static String randomText(Random random, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /**
     * Walks the whitespace-separated tokens; a token with digits joins the open window if at most one digit-free
     * token of at most 6 chars lies between them.
     */
    private static List<int[]> reference(String text) {
        List<int[]> out = new ArrayList<>();
        int[] open = null;
        int gapTokens = 0;
        boolean longGap = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Texts.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            int digits = 0;
            while (i < n && !Texts.isWhitespace(text.charAt(i))) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits++;
                }
                i++;
            }
            if (digits == 0) {
                if (open != null) {
                    gapTokens++;
                    longGap |= i - start > 6;
                }
                continue;
            }
            if (open != null && gapTokens <= 1 && !longGap) {
                open[1] = i;
                open[2] += digits;
            } else {
                open = new int[] {start, i, digits};
                out.add(open);
            }
            gapTokens = 0;
            longGap = false;
        }
        return out;
    }

    private static int longestToken(String window) {
        int best = 0;
        int cur = 0;
        for (int i = 0; i < window.length(); i++) {
            cur = Texts.isWhitespace(window.charAt(i)) ? 0 : cur + 1;
            best = Math.max(best, cur);
        }
        return best;
    }

    private static int longestDigitRun(String window) {
        int best = 0;
        int cur = 0;
        for (int i = 0; i < window.length(); i++) {
            char c = window.charAt(i);
            cur = c >= '0' && c <= '9' ? cur + 1 : 0;
            best = Math.max(best, cur);
        }
        return best;
    }
}
