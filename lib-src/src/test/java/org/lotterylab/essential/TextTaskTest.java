package org.lotterylab.essential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lotterylab.data.Email;

class TextTaskTest {

    private static final List<Email> MAILS = IntStream.range(0, 100)
            .mapToObj(i -> Email.parse(String.valueOf(i), i % 3 == 0 ? "spam-1" : "easy-ham-1",
                    "Subject: mail " + i + "\n\nbody " + i))
            .toList();

    @Test
    void variantsOfOneSeedShareTheirTestMails() {
        TextTask easy = TextTask.spam("easy", MAILS, TextTask::subjectAndBody, 60, 20, 5);
        TextTask hard = TextTask.spam("hard", MAILS, Email::subject, 10, 20, 5);
        assertEquals(60, easy.train().size());
        assertEquals(10, hard.train().size());
        assertEquals(easy.testTexts().stream().map(t -> t.substring(0, t.indexOf('\n'))).toList(), hard.testTexts());
        assertEquals(easy.trainTexts().subList(0, 10).stream().map(t -> t.substring(0, t.indexOf('\n'))).toList(),
                hard.trainTexts(), "the smaller training set is the start of the larger one");
        assertTrue(easy.testTexts().stream().noneMatch(easy.trainTexts()::contains), "train and test are disjoint");
    }

    @Test
    void labelsMarkSpam() {
        TextTask task = TextTask.spam("all", MAILS, Email::subject, 70, 30, 1);
        int[] labels = task.trainLabels();
        for (int i = 0; i < labels.length; i++) {
            int number = Integer.parseInt(task.trainTexts().get(i).substring("mail ".length()));
            assertEquals(number % 3 == 0 ? 1 : 0, labels[i]);
        }
        assertEquals(0.33, task.testSpamShare() + 0.0, 0.15);
    }

    @Test
    void tooLargeATaskIsExplained() {
        var error = assertThrows(IllegalArgumentException.class, () -> TextTask.spam("big", MAILS, Email::subject, 80, 10, 1));
        assertTrue(error.getMessage().contains("70 and 30"), error.getMessage());
    }
}
