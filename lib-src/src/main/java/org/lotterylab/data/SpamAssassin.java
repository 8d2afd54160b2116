package org.lotterylab.data;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The SpamAssassin public corpus (about 6 000 ham and 3 800 spam mails), read from
 * {@code spam-assassin/emails.jsonl}: one JSON object {@code {"id", "group", "text"}} per line.
 *
 * <pre>{@code
 * TrainTest<List<Email>> mails = TrainTest.split(SpamAssassin.load(), 0.2, 42);
 * }</pre>
 */
public final class SpamAssassin {

    static final String DATASET = "spam-assassin";
    static final String FILE = "emails.jsonl";

    private static final Gson GSON = new Gson();

    private SpamAssassin() {
    }

    /**
     * Loads every mail from the standard data cache.
     *
     * @return the mails, in the file's order
     */
    public static List<Email> load() {
        return load(DataCache.standard());
    }

    /**
     * Loads every mail from a given cache.
     *
     * @param cache the data cache
     * @return the mails, in the file's order
     */
    public static List<Email> load(DataCache cache) {
        Path file = cache.require(DATASET, FILE);
        List<Email> mails = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    mails.add(parse(file, lineNumber, line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return List.copyOf(mails);
    }

    private static Email parse(Path file, int lineNumber, String line) {
        try {
            Raw raw = GSON.fromJson(line, Raw.class);
            if (raw == null || raw.id() == null || raw.group() == null || raw.text() == null) {
                throw new JsonParseException("id, group and text are required");
            }
            return Email.parse(raw.id(), raw.group(), raw.text());
        } catch (JsonParseException e) {
            throw new CorruptDataException(file, "line " + lineNumber + " is not a mail record (" + e.getMessage() + ")", e);
        }
    }

    /** One line of the file as stored. */
    private record Raw(String id, String group, String text) {
    }
}
