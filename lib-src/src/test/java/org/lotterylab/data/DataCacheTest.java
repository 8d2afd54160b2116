package org.lotterylab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.Sha256;

/** Data files are checked against their SHA-256 before their first use, once per version of the file. */
class DataCacheTest {

    private static final String FILE = "spam-assassin/emails.jsonl";
    private static final byte[] CONTENT = "{\"id\":\"1\",\"group\":\"spam-1\",\"text\":\"Subject: b\\n\\nwin\"}\n"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;

    private DataCache cache() throws IOException {
        TestFiles.write(root.resolve(FILE), CONTENT);
        return new DataCache(root, DataManifest.of(Map.of(FILE, Sha256.of(CONTENT))));
    }

    /** Flips one byte, keeping the size, and moves the modification time as an edit in place would. */
    private static void alterInPlace(Path file) throws IOException {
        FileTime before = Files.getLastModifiedTime(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 1000));
    }

    @Test
    void aFileAlteredInPlaceIsRefusedNamingItAndTheFetchCommand() throws IOException {
        DataCache cache = cache();
        assertEquals(root.resolve(FILE), cache.require("spam-assassin", "emails.jsonl"));
        alterInPlace(root.resolve(FILE));
        var e = assertThrows(CorruptDataException.class, () -> cache.require("spam-assassin", "emails.jsonl"));
        assertTrue(e.getMessage().contains(root.resolve(FILE).toString()) && e.getMessage().contains("SHA-256")
                && e.getMessage().contains(DataCache.FETCH_COMMAND), e.getMessage());
        assertThrows(CorruptDataException.class, () -> SpamAssassin.load(cache), "the loaders check through require");
    }

    @Test
    void aCheckedFileIsTrustedWhileItsSizeAndTimeStayTheSameInThisJvmAndTheNext() throws IOException {
        DataCache cache = cache();
        cache.require("spam-assassin", "emails.jsonl");
        assertTrue(Files.isRegularFile(root.resolve(VerifiedFiles.STAMPS)), "the check is recorded for later JVMs");

        // A change that keeps size and time is what the stamp cannot see: proof that no hash is computed again.
        Path file = root.resolve(FILE);
        FileTime checked = Files.getLastModifiedTime(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[0] ^= 1;
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, checked);
        cache.require("spam-assassin", "emails.jsonl");
        new VerifiedFiles(root).verify(FILE, Sha256.of(CONTENT));

        Files.setLastModifiedTime(file, FileTime.fromMillis(checked.toMillis() + 1000));
        assertThrows(CorruptDataException.class, () -> cache.require("spam-assassin", "emails.jsonl"));
    }

    @Test
    void theLibraryChecksAgainstTheProjectsManifest() throws IOException {
        Path projectManifest = Path.of("..", "data", "manifest.tsv");
        assumeTrue(Files.isRegularFile(projectManifest), "run from lib-src, beside ../data");
        assertEquals(DataManifest.parse(Files.readString(projectManifest)), DataManifest.bundled());
        assertEquals(64, DataManifest.bundled().sha256("minilm/model.onnx").orElseThrow().length());
    }

    @Test
    void aRealDataFileAlteredInPlaceIsRefused(@TempDir Path copy) throws IOException {
        Path fetched = DataCache.standard().root().resolve("digits/digits.csv.gz");
        assumeTrue(Files.isRegularFile(fetched), "digits not fetched");
        Files.createDirectories(copy.resolve("digits"));
        Files.copy(fetched, copy.resolve("digits/digits.csv.gz"));
        DataCache cache = new DataCache(copy);
        assertEquals(1797, Datasets.digits(cache, false).size());
        alterInPlace(copy.resolve("digits/digits.csv.gz"));
        var e = assertThrows(CorruptDataException.class, () -> Datasets.digits(cache, false));
        assertTrue(e.getMessage().contains("digits.csv.gz") && e.getMessage().contains(DataCache.FETCH_COMMAND),
                e.getMessage());
    }
}
