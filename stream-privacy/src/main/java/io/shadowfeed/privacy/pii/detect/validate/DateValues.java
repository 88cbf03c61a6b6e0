package io.shadowfeed.privacy.pii.detect.validate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the calendar date out of the ways people and systems write dates: ISO {@code 2021-03-04} (with an optional
 * time), {@code 04.03.2021}, {@code 04/03/2021} or {@code 03/04/2021} (day-first tried first, then month-first),
 * {@code 2021/03/04}, and month names in English, German, French, Spanish, Italian, Portuguese, Dutch and Polish
 * ({@code 4 March 2021}, {@code March 4, 2021}, {@code 4. März 2021}, {@code 3 de mayo de 1990}).
 */
public final class DateValues {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern YMD_SLASH = Pattern.compile("(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})");
    private static final Pattern DMY = Pattern.compile(
            "(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?: \\d{1,2}:\\d{2}(?::\\d{2})?)?");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(\\d{1,2})(?:\\.|st|nd|rd|th|er|º)?\\s+(?:de\\s+)?(\\p{L}+)\\.?,?\\s+(?:de\\s+)?(\\d{4})");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(\\p{L}+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");

    private static final Map<String, Integer> MONTHS = months();

    private DateValues() {}

    /** The date written in {@code value}, or null if it is not one of the forms above or not a real date. */
    public static LocalDate parse(CharSequence value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().trim();
        if (s.length() < 6 || s.length() > 40) {
            return null;
        }
        Matcher m = ISO.matcher(s);
        if (m.matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        m = YMD_SLASH.matcher(s);
        if (m.matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        m = DMY.matcher(s);
        if (m.matches()) {
            String year = m.group(4);
            if (year.length() == 2) {
                return null;
            }
            LocalDate dayFirst = date(year, m.group(3), m.group(1));
            return dayFirst != null ? dayFirst : date(year, m.group(1), m.group(3));
        }
        m = DAY_MONTH_YEAR.matcher(s);
        if (m.matches()) {
            Integer month = month(m.group(2));
            return month == null ? null : date(m.group(3), month.toString(), m.group(1));
        }
        m = MONTH_DAY_YEAR.matcher(s);
        if (m.matches()) {
            Integer month = month(m.group(1));
            return month == null ? null : date(m.group(3), month.toString(), m.group(2));
        }
        return null;
    }

    /** The month number of a month name or abbreviation in one of the supported languages, or null. */
    public static Integer month(String name) {
        return MONTHS.get(name.toLowerCase(Locale.ROOT));
    }

    /** The month-name alternation used by the text detectors (lower case, longest first within each language). */
    public static String monthNamePattern() {
        StringBuilder b = new StringBuilder();
        MONTHS.keySet().stream().sorted((x, y) -> y.length() - x.length()).forEach(k -> {
            if (b.length() > 0) {
                b.append('|');
            }
            b.append(Pattern.quote(k));
        });
        return b.toString();
    }

    private static LocalDate date(String y, String m, String d) {
        try {
            int year = Integer.parseInt(y);
            if (year < 1800 || year > 2200) {
                return null;
            }
            return LocalDate.of(year, Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, Integer> months() {
        String[][] names = {
            {"january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro",
                "januari", "stycznia", "styczeń", "styczen"},
            {"february", "feb", "februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio", "fevereiro",
                "fev", "februari", "lutego", "luty"},
            {"march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "marca", "marzec"},
            {"april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień"},
            {"may", "mai", "mayo", "maggio", "maio", "mei", "maja", "maj"},
            {"june", "jun", "juni", "juin", "junio", "giugno", "junho", "czerwca", "czerwiec"},
            {"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipca", "lipiec"},
            {"august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpnia", "sierpień"},
            {"september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro", "września",
                "wrzesnia", "wrzesień"},
            {"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out",
                "października", "pazdziernika", "październik"},
            {"november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad"},
            {"december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre",
                "dezembro", "grudnia", "grudzień"}};
        java.util.HashMap<String, Integer> map = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                map.putIfAbsent(n, i + 1);
            }
        }
        return Map.copyOf(map);
    }
}
