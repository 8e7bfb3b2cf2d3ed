package io.sseconnector.core;

import static io.sseconnector.core.Bytes.bytes;
import static io.sseconnector.core.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parser's shortcuts give the answers of the plain rules: field names recognised from one
 * 8-byte read (lines shorter than that, names without a space or without a colon, look-alike names
 * take the byte-by-byte way), and values known to be ASCII built without a UTF-8 check. Every
 * stream is also cut at every pair of positions, so that each shortcut meets a name, a value or a
 * line end split across chunks.
 */
class SseParserFastPathTest {
    private static final String NO_ID = "";

    /** Each field form next to the 8-byte boundary, and what the blocks dispatch. */
    private static final byte[] FIELD_FORMS = bytes(
            // short lines (< 8 bytes), a line of exactly 8, and names without the space
            "data:x\n",
            "data: ab\n",
            "data: 1234567890\n",
            "data:no-space-value\n",
            "data:\n",
            "data:  two\n",
            "\n",
            // an empty type is the default type
            "event:\n",
            "data: a\n",
            "\n",
            // "data" alone is a data field with an empty value
            "event:typ\n",
            "id:7\n",
            "data\n",
            "\n",
            // CR and CRLF ends right after the value, non-ASCII values
            "event: longer-type-name\r\n",
            "id: 1234567890123\r",
            "data: \u00e9\u20ac\r\n",
            "\r\n",
            // look-alike names are ignored; "id" alone empties the id
            "Data: no\n",
            "data : no\n",
            "dataX: no\n",
            "ids: no\n",
            "eventually: no\n",
            "id\n",
            "data: yes\n",
            "\n",
            // an id with U+0000 is ignored
            "id: a",
            0,
            "b\n",
            "data: z\n",
            "\n",
            // comments, retry, then an event
            ": a comment longer than eight bytes\n",
            ":\n",
            "retry: 1000\n",
            "event:\u00e9\n",
            "data: q\n",
            "\n");

    private static final List<Recorder.Call> FIELD_FORMS_CALLS = List.of(
            event("message", "x\nab\n1234567890\nno-space-value\n\n two", NO_ID),
            event("message", "a", NO_ID),
            event("typ", "", "7"),
            event("longer-type-name", "\u00e9\u20ac", "1234567890123"),
            event("message", "yes", NO_ID),
            event("message", "z", NO_ID),
            new Recorder.Comment(" a comment longer than eight bytes"),
            new Recorder.Comment(""),
            new Recorder.Retry(1000),
            new Recorder.Event(new SseEvent("\u00e9", "q", NO_ID, 1000)));

    private static Recorder.Call event(String type, String data, String id) {
        return new Recorder.Event(new SseEvent(type, data, id, SseEvent.NO_RETRY));
    }

    @Test
    void everyFieldFormAsOneChunk() {
        assertThat(Replay.run(SseLimits.DEFAULTS, FIELD_FORMS, List.of(FIELD_FORMS.length))
                        .calls())
                .containsExactlyElementsOf(FIELD_FORMS_CALLS);
    }

    @Test
    void everyFieldFormSplitAtEveryPairOfPositions() {
        for (int first = 0; first <= FIELD_FORMS.length; first++) {
            for (int second = first; second <= FIELD_FORMS.length; second++) {
                Replay.Run run = Replay.run(SseLimits.DEFAULTS, FIELD_FORMS, List.of(first, second - first));
                assertThat(run.calls())
                        .as("split at %d and %d", first, second)
                        .containsExactlyElementsOf(FIELD_FORMS_CALLS);
            }
        }
    }

    @Test
    void oneNonAsciiCharacterAtEveryPositionOfEveryValue() {
        // The scan notes ASCII per 8-byte word, with masks at the line end and at the chunk end:
        // a non-ASCII character at any position, in a value of any length, must be decoded.
        for (int length = 1; length <= 40; length++) {
            for (int at = 0; at < length; at++) {
                String value = "v".repeat(at) + "\u00e9" + "w".repeat(length - at - 1);
                Recording recording =
                        Replay.parse(utf8("event: " + value + "\n", "id: " + value + "\n", ":" + value + "\n"));
                recording.assertComment(value);
                recording.assertExhausted();
                recording = Replay.parse(
                        utf8("event: " + value + "\n", "id: " + value + "\n", "data: " + value + "\n", "\n"));
                recording.assertEvent(value, value, value);
                recording.assertExhausted();
            }
        }
    }

    @Test
    void asciiAndNonAsciiPartsOfOneValueInDifferentChunks() {
        String ascii = "plain-ascii-text-".repeat(3);
        String other = "\u00e9\u20ac\uD83D\uDE00";
        for (String data : List.of(ascii + other, other + ascii, ascii + other + ascii)) {
            byte[] stream = utf8("data: " + data + "\n", "data: " + ascii + "\n", "\n");
            for (int cut = 0; cut <= stream.length; cut++) {
                Replay.Run run = Replay.run(SseLimits.DEFAULTS, stream, List.of(cut));
                assertThat(run.calls())
                        .as("cut at %d", cut)
                        .containsExactly(new Recorder.Event(SseEvent.of(data + "\n" + ascii)));
            }
        }
    }

    @Test
    void illFormedBytesInAValueThatLooksAscii() {
        // 0x80 alone and a truncated sequence, after seven and after fifteen ASCII bytes: inside the
        // first word of the value, and in a later one.
        for (String prefix : List.of("1234567", "123456789012345")) {
            Recording recording =
                    Replay.parse(bytes("data: ", prefix, 0x80, "x\n", "data: ", prefix, 0xE2, 0x82, "\n", "\n"));
            recording.assertMessage(prefix + "\uFFFDx\n" + prefix + "\uFFFD");
            recording.assertExhausted();
        }
    }
}
