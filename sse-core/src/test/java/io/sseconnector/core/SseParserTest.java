package io.sseconnector.core;

import static io.sseconnector.core.Bytes.bytes;
import static io.sseconnector.core.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of the WHATWG "interpreting an event stream" algorithm. Every input is parsed
 * as one chunk, as 1-byte chunks and at random split points, which must all agree (see {@link
 * Replay}).
 */
class SseParserTest {
    private Recording recording;

    @AfterEach
    void nothingUnconsumed() {
        if (recording != null) {
            recording.assertExhausted();
        }
    }

    private Recording parse(String... lines) {
        return parse(utf8(lines));
    }

    private Recording parse(byte[] stream) {
        return parse(SseLimits.DEFAULTS, "", stream);
    }

    private Recording parseWithLastEventId(String initialLastEventId, String... lines) {
        return parse(SseLimits.DEFAULTS, initialLastEventId, utf8(lines));
    }

    /** Parses every way; the previous recording of the test must have been consumed. */
    private Recording parse(SseLimits limits, String initialLastEventId, byte[] stream) {
        if (recording != null) {
            recording.assertExhausted();
        }
        recording = Replay.parse(limits, initialLastEventId, stream);
        return recording;
    }

    // Line ends

    @Test
    void lfEndsLines() {
        parse("data: a\n", "data: b\n", "\n");
        recording.assertMessage("a\nb");
    }

    @Test
    void crEndsLines() {
        parse("data: a\r", "data: b\r", "\r");
        recording.assertMessage("a\nb");
    }

    @Test
    void crLfEndsLines() {
        parse("data: a\r\n", "data: b\r\n", "\r\n");
        recording.assertMessage("a\nb");
    }

    @Test
    void mixedLineEnds() {
        parse("data: a\r\n", "data: b\n", "data: c\r", "\r\n", "data: d\n", "\r");
        recording.assertMessage("a\nb\nc");
        recording.assertMessage("d");
    }

    @Test
    void crLfSplitAcrossChunksIsOneLineEnd() {
        recording = Replay.parseChunks(utf8("data: a\r"), utf8("\ndata: b\r"), utf8("\n\r"), utf8("\n"));
        recording.assertMessage("a\nb");
    }

    @Test
    void crCrIsTwoLineEnds() {
        parse("data: a\r", "\r", "data: b\r", "\r");
        recording.assertMessage("a");
        recording.assertMessage("b");
    }

    @Test
    void lfCrIsTwoLineEnds() {
        parse("data: a\n", "\r", "data: b\n", "\r");
        recording.assertMessage("a");
        recording.assertMessage("b");
    }

    @Test
    void lfAfterCrLfIsABlankLine() {
        parse("data: a\r\n", "\n");
        recording.assertMessage("a");
    }

    @Test
    void blankLinesAloneDispatchNothing() {
        parse("\n", "\r\n", "\r", "\n");
    }

    // Byte order mark

    @Test
    void bomStrippedAtStart() {
        parse("\uFEFFdata: a\n", "\n");
        recording.assertMessage("a");
    }

    @Test
    void bomStrippedOnlyAtStart() {
        // A second BOM is part of the first line's field name, which no field has.
        parse("\uFEFF\uFEFFdata: a\n", "\n", "\uFEFFdata: b\n", "\n", "data: c\n", "\n");
        recording.assertMessage("c");
    }

    @Test
    void bomInsideAValueIsData() {
        parse("\uFEFFdata: \uFEFFa\n", "\n");
        recording.assertMessage("\uFEFFa");
    }

    @Test
    void partialBomIsNotStripped() {
        parse(bytes(0xEF, 0xBB, "data: a\n", "\n", "data: b\n", "\n"));
        recording.assertMessage("b");
    }

    @Test
    void partialBomBeforeAColonIsNotAComment() {
        parse(bytes(0xEF, ":c\n", 0xEF, 0xBB, ":d\n", ":e\n"));
        recording.assertComment("e");
    }

    // Comments

    @Test
    void commentReportsTextAfterColonUnchanged() {
        parse(": heartbeat\n", ":\n", ":x: y \n", "::\n");
        recording.assertComment(" heartbeat");
        recording.assertComment("");
        recording.assertComment("x: y ");
        recording.assertComment(":");
    }

    @Test
    void commentsDoNotInterruptAnEvent() {
        parse("data: a\n", ": keep-alive\n", "data: b\n", "\n");
        recording.assertComment(" keep-alive");
        recording.assertMessage("a\nb");
    }

    @Test
    void commentAloneDispatchesNothing() {
        parse(": only a comment\n", "\n");
        recording.assertComment(" only a comment");
    }

    // Field names and values

    @Test
    void colonSpaceOptional() {
        parse("data:a\n", "\n", "data: a\n", "\n");
        recording.assertMessage("a");
        recording.assertMessage("a");
    }

    @Test
    void onlyOneLeadingSpaceRemoved() {
        parse("data:  a\n", "\n", "event:   t\n", "data: b\n", "\n");
        recording.assertMessage(" a");
        recording.assertEvent("  t", "b", "");
    }

    @Test
    void otherWhitespaceAndTrailingSpacesKept() {
        parse("data:\ta \n", "\n");
        recording.assertMessage("\ta ");
    }

    @Test
    void valueMayContainColons() {
        parse("data: a: b:c\n", "\n");
        recording.assertMessage("a: b:c");
    }

    @Test
    void fieldWithoutColonHasEmptyValue() {
        parse("data\n", "data\n", "\n", "event\n", "data\n", "\n");
        recording.assertMessage("\n");
        recording.assertMessage("");
    }

    @Test
    void unknownFieldsIgnored() {
        parse("foo: bar\n", "data: a\n", "x\n", "\n");
        recording.assertMessage("a");
    }

    @Test
    void fieldNamesAreExact() {
        parse("Data: a\n", "data : b\n", " data: c\n", "datas: d\n", "dat: e\n", "ids: 1\n", "retryy: 5\n", "\n");
        assertThat(recording.lastEventId()).isEmpty();
    }

    @Test
    void longUnknownFieldsIgnored() {
        parse("a-rather-long-field-name: value\n", "a-rather-long-line-without-a-colon\n", "data: a\n", "\n");
        recording.assertMessage("a");
    }

    // data

    @Test
    void dataLinesJoinedWithLf() {
        parse("data: a\n", "data:\n", "data: b\n", "\n");
        recording.assertMessage("a\n\nb");
    }

    @Test
    void emptyDataLineDispatchesEmptyData() {
        parse("data:\n", "\n", "data: \n", "\n");
        recording.assertMessage("");
        recording.assertMessage("");
    }

    @Test
    void blockWithoutDataDispatchesNothing() {
        parse("event: t\n", "\n", "retry: 5\n", "\n");
        recording.assertRetry(5);
    }

    @Test
    void unicodeData() {
        parse("data: \u00e9\u20ac\uD83D\uDE00 \u4e2d\u6587\n", "\n");
        recording.assertMessage("\u00e9\u20ac\uD83D\uDE00 \u4e2d\u6587");
    }

    // event

    @Test
    void eventSetsType() {
        parse("event: add\n", "data: a\n", "\n");
        recording.assertEvent("add", "a", "");
    }

    @Test
    void lastEventTypeInBlockWins() {
        parse("event: a\n", "data: x\n", "event: b\n", "\n");
        recording.assertEvent("b", "x", "");
    }

    @Test
    void emptyEventTypeMeansMessage() {
        parse("event: a\n", "event:\n", "data: x\n", "\n", "event\n", "data: y\n", "\n");
        recording.assertMessage("x");
        recording.assertMessage("y");
    }

    @Test
    void typeResetAfterDispatch() {
        parse("event: a\n", "data: x\n", "\n", "data: y\n", "\n");
        recording.assertEvent("a", "x", "");
        recording.assertMessage("y");
    }

    @Test
    void typeResetByBlockWithoutData() {
        parse("event: a\n", "\n", "data: y\n", "\n");
        recording.assertMessage("y");
    }

    @Test
    void repeatedTypeIsTheSameString() {
        parse(
                "event: HEARTBEAT\n",
                "data: 1\n",
                "\n",
                "event: ALERT\n",
                "data: 2\n",
                "\n",
                "event: HEARTBEAT\n",
                "data: 3\n",
                "\n");
        SseEvent first = recording.takeEvent();
        recording.takeEvent();
        SseEvent third = recording.takeEvent();
        assertThat(third.type()).isEqualTo("HEARTBEAT").isSameAs(first.type());
    }

    // id

    @Test
    void idSetsLastEventId() {
        parse("id: 1\n", "data: a\n", "\n");
        recording.assertEvent("message", "a", "1");
        assertThat(recording.lastEventId()).isEqualTo("1");
    }

    @Test
    void idPersistsAcrossEvents() {
        parse("id: 1\n", "data: a\n", "\n", "data: b\n", "\n");
        recording.assertEvent("message", "a", "1");
        recording.assertEvent("message", "b", "1");
    }

    @Test
    void idAfterDataInTheSameBlockApplies() {
        parse("data: a\n", "id: 2\n", "\n");
        recording.assertEvent("message", "a", "2");
    }

    @Test
    void emptyIdResetsLastEventId() {
        parse("id: 1\n", "data: a\n", "\n", "id:\n", "data: b\n", "\n", "id: 2\n", "\n", "id\n", "data: c\n", "\n");
        recording.assertEvent("message", "a", "1");
        recording.assertMessage("b");
        recording.assertMessage("c");
        assertThat(recording.lastEventId()).isEmpty();
    }

    @Test
    void idWithNullIsIgnored() {
        parse("id: 1\n", "data: a\n", "\n", "id: 2\u00003\n", "data: b\n", "\n", "id: \u0000\n", "data: c\n", "\n");
        recording.assertEvent("message", "a", "1");
        recording.assertEvent("message", "b", "1");
        recording.assertEvent("message", "c", "1");
    }

    @Test
    void idKeepsSpacesAfterTheFirst() {
        parse("id:  1 \n", "data: a\n", "\n");
        recording.assertEvent("message", "a", " 1 ");
    }

    @Test
    void idOnlyBlockUpdatesLastEventId() {
        parse("id: 5\n", "\n");
        assertThat(recording.lastEventId()).isEqualTo("5");
        assertThat(recording.lastEventIdAfterEnd()).isEqualTo("5");
    }

    @Test
    void idIsAppliedOnlyByTheBlankLine() {
        parse("id: 1\n", "data: a\n", "\n", "id: 2\n", "data: b\n");
        recording.assertEvent("message", "a", "1");
        assertThat(recording.lastEventId()).isEqualTo("1");
    }

    @Test
    void initialLastEventIdKeptUntilReplaced() {
        parseWithLastEventId("7", "data: a\n", "\n", "id: 8\n", "data: b\n", "\n");
        recording.assertEvent("message", "a", "7");
        recording.assertEvent("message", "b", "8");
    }

    // retry

    @Test
    void retryReportedAndCarriedByTheEvent() {
        parse("retry: 1000\n", "data: a\n", "\n");
        recording.assertRetry(1000);
        recording.assertEvent(new SseEvent("message", "a", "", 1000));
    }

    @Test
    void retryReportedWhenItsLineIsRead() {
        parse("data: a\n", "retry: 5\n", ": c\n", "\n");
        recording.assertRetry(5);
        recording.assertComment(" c");
        recording.assertEvent(new SseEvent("message", "a", "", 5));
    }

    @Test
    void lastRetryInBlockWins() {
        parse("retry: 1\n", "retry: 2\n", "data: a\n", "\n");
        recording.assertRetry(1);
        recording.assertRetry(2);
        recording.assertEvent(new SseEvent("message", "a", "", 2));
    }

    @Test
    void retryResetAtEachBlankLine() {
        parse("retry: 5\n", "\n", "data: a\n", "\n");
        recording.assertRetry(5);
        recording.assertMessage("a");
    }

    @Test
    void retryNonDigitsIgnored() {
        parse(
                "retry: 10a\n",
                "retry: -1\n",
                "retry: +5\n",
                "retry: 1.5\n",
                "retry:  5\n",
                "retry: 5 \n",
                "retry: \u0661\n",
                "retry:\n",
                "retry\n",
                "data: a\n",
                "\n");
        recording.assertMessage("a");
    }

    @Test
    void retryLeadingZerosAllowed() {
        parse("retry: 007\n", "retry: 0\n");
        recording.assertRetry(7);
        recording.assertRetry(0);
    }

    @Test
    void retryHugeValueSaturates() {
        parse("retry: 9223372036854775807\n", "retry: 9223372036854775808\n", "retry: 99999999999999999999999999\n");
        recording.assertRetry(Long.MAX_VALUE);
        recording.assertRetry(Long.MAX_VALUE);
        recording.assertRetry(Long.MAX_VALUE);
    }

    // End of stream

    @Test
    void unfinishedEventDiscardedAtEnd() {
        parse("data: a\n", "\n", "data: b\n");
        recording.assertMessage("a");
    }

    @Test
    void unfinishedEventIdNotApplied() {
        parse("id: 1\n", "data: a\n", "\n", "id: 2\n", "data: b\n");
        recording.assertEvent("message", "a", "1");
        assertThat(recording.lastEventIdAfterEnd()).isEqualTo("1");
    }

    @Test
    void lastLineWithoutLineEndDiscarded() {
        parse("data: a\n", "\n", "retry: 5");
        recording.assertMessage("a");
    }

    @Test
    void lastCommentWithoutLineEndDiscarded() {
        parse(": a\n", ": b");
        recording.assertComment(" a");
    }

    @Test
    void crAtEndOfStreamEndsTheLine() {
        parse("data: a\r", "\r");
        recording.assertMessage("a");
    }
}
