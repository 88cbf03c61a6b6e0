package io.shadowfeed.privacy.pii.policy.fake;

import java.util.List;

/** Postcodes from a country's patterns ({@code #} digit, {@code %} digit 1-9, {@code [..]} class, else literal). */
final class Postcodes {

    private Postcodes() {}

    static String generate(FakeCountry country, SeededRandom random) {
        List<String> patterns = country.postcodePatterns();
        String pattern = patterns.get(random.nextInt(patterns.size()));
        StringBuilder out = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '#' -> out.append((char) ('0' + random.nextInt(10)));
                case '%' -> out.append((char) ('1' + random.nextInt(9)));
                case '[' -> {
                    int end = pattern.indexOf(']', i);
                    String members = expand(pattern.substring(i + 1, end));
                    out.append(members.charAt(random.nextInt(members.length())));
                    i = end;
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code A-CX} -> {@code ABCX}. */
    static String expand(String set) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < set.length(); i++) {
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                for (char c = set.charAt(i); c <= set.charAt(i + 2); c++) {
                    members.append(c);
                }
                i += 2;
            } else {
                members.append(set.charAt(i));
            }
        }
        return members.toString();
    }
}
