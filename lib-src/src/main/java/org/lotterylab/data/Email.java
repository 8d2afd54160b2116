package org.lotterylab.data;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mail of the SpamAssassin corpus.
 *
 * @param id the file's number inside its group, e.g. {@code 00001} (unique only within a group)
 * @param group the corpus folder: easy-ham-1, easy-ham-2, hard-ham-1, spam-1 or spam-2
 * @param subject the {@code Subject:} header, unfolded, or {@code ""} when there is none
 * @param body the mail after its headers
 * @param text the raw mail, headers included
 * @param spam whether the mail comes from a spam folder
 */
public record Email(String id, String group, String subject, String body, String text, boolean spam) {

    /** The headers end at the first empty line (RFC 5322). */
    private static final Pattern HEADER_END = Pattern.compile("\\r?\\n\\r?\\n");
    /** A header line, with the continuation lines (starting with blanks) that fold it. */
    private static final Pattern SUBJECT = Pattern.compile("(?im)^subject:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)");

    /**
     * Parses a raw mail.
     *
     * @param id the file's number
     * @param group the corpus folder; a name starting with {@code spam} marks spam
     * @param text the raw mail with headers
     * @return the mail with its subject and body separated
     */
    public static Email parse(String id, String group, String text) {
        Matcher end = HEADER_END.matcher(text);
        boolean hasBody = end.find();
        String headers = hasBody ? text.substring(0, end.start()) : text;
        String body = hasBody ? text.substring(end.end()) : "";
        Matcher subject = SUBJECT.matcher(headers);
        String subjectLine = subject.find() ? subject.group(1).replaceAll("\\r?\\n[ \\t]+", " ").strip() : "";
        return new Email(id, group, subjectLine, body, text, group.startsWith("spam"));
    }
}
