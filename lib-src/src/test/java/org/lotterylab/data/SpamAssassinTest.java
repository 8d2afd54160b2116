package org.lotterylab.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpamAssassinTest {

    private static final String MAIL = "From someone  Thu Aug 22 12:36:23 2002\n"
            + "Received: from a\n\tby b\n"
            + "Subject: Cheap watches\n  for you\n"
            + "To: me\n"
            + "\n"
            + "Dear friend,\n\nbuy now.\n";

    @Test
    void headersAreStrippedAndTheFoldedSubjectUnfolded() {
        Email mail = Email.parse("00001", "spam-2", MAIL);
        assertEquals("Cheap watches for you", mail.subject());
        assertEquals("Dear friend,\n\nbuy now.\n", mail.body());
        assertEquals(MAIL, mail.text());
        assertTrue(mail.spam());
    }

    @Test
    void crlfMailsAndMailsWithoutSubjectOrBodyParse() {
        Email crlf = Email.parse("2", "easy-ham-1", "subject: hi\r\nTo: x\r\n\r\nbody\r\n");
        assertEquals("hi", crlf.subject());
        assertEquals("body\r\n", crlf.body());
        assertFalse(crlf.spam());
        Email headersOnly = Email.parse("3", "hard-ham-1", "To: x\n");
        assertEquals("", headersOnly.subject());
        assertEquals("", headersOnly.body());
    }

    @Test
    void loadReadsOneMailPerLine(@TempDir Path root) throws IOException {
        TestFiles.text(root.resolve("spam-assassin/emails.jsonl"),
                "{\"id\":\"1\",\"group\":\"easy-ham-1\",\"text\":\"Subject: a\\n\\nhello\"}\n"
                        + "{\"id\":\"1\",\"group\":\"spam-1\",\"text\":\"Subject: b\\n\\nwin\"}\n");
        List<Email> mails = SpamAssassin.load(new DataCache(root, DataManifest.none()));
        assertEquals(2, mails.size());
        assertEquals("hello", mails.get(0).body());
        assertTrue(mails.get(1).spam());
    }

    @Test
    void aBrokenLineIsReportedWithItsNumber(@TempDir Path root) throws IOException {
        TestFiles.text(root.resolve("spam-assassin/emails.jsonl"), "{\"id\":\"1\",\"group\":\"spam-1\",\"text\":\"x\"}\n{\"id\":");
        DataCache madeUp = new DataCache(root, DataManifest.none());
        var e = assertThrows(CorruptDataException.class, () -> SpamAssassin.load(madeUp));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void splitsAreSeededDisjointAndComplete() {
        List<Integer> items = IntStream.range(0, 100).boxed().toList();
        TrainTest<List<Integer>> split = TrainTest.split(items, 0.25, 9);
        assertEquals(25, split.test().size());
        assertEquals(75, split.train().size());
        assertEquals(split.test(), TrainTest.split(items, 0.25, 9).test());
        assertTrue(split.train().stream().noneMatch(split.test()::contains));
        assertThrows(IllegalArgumentException.class, () -> TrainTest.split(items, 1.0, 9));
    }
}
