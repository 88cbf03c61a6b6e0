package io.shadowfeed.privacy.pii.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small RFC 4180 reader for the test data (header row, quoted fields, "" escapes). */
final class CsvFiles {

    private CsvFiles() {}

    static List<Map<String, String>> read(Path file, int maxRows) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, maxRows);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static List<Map<String, String>> readResource(String resource) {
        InputStream in = CsvFiles.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing test resource " + resource);
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(r, Integer.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static List<Map<String, String>> read(Reader reader, int maxRows) throws IOException {
        BufferedReader r = new BufferedReader(reader);
        List<String> header = null;
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> record;
        while ((record = next(r)) != null && rows.size() < maxRows) {
            if (header == null) {
                header = record;
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < record.size() ? record.get(i) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> next(BufferedReader r) throws IOException {
        String line = r.readLine();
        if (line == null) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        while (true) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                            cur.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        cur.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            if (!quoted) {
                break;
            }
            String more = r.readLine();
            if (more == null) {
                break;
            }
            cur.append('\n');
            line = more;
        }
        fields.add(cur.toString());
        return fields;
    }
}
