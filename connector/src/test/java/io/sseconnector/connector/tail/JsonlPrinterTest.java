package io.sseconnector.connector.tail;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.core.SseEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonlPrinterTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final JsonlPrinter printer = new JsonlPrinter(new PrintWriter(out), new PrintWriter(err));

    @Test
    void printsEventDataAndIdInThatOrderOnOneLine() {
        printer.event(new SseEvent("ALERT", "{\"a\":1}", "1001", SseEvent.NO_RETRY));
        assertThat(out.toString()).isEqualTo("{\"event\":\"ALERT\",\"data\":\"{\\\"a\\\":1}\",\"id\":\"1001\"}\n");
    }

    @Test
    void addsRetryOnlyWhenTheBlockCarriedOne() {
        printer.event(new SseEvent("message", "x", "", 2500));
        assertThat(out.toString()).isEqualTo("{\"event\":\"message\",\"data\":\"x\",\"id\":\"\",\"retry\":2500}\n");
    }

    @Test
    void escapesLineBreaksAndControlCharactersSoEachEventStaysOneLine() {
        printer.event(new SseEvent("message", "line1\nline2\r\t\u0001é😀", "", SseEvent.NO_RETRY));
        assertThat(out.toString())
                .isEqualTo("{\"event\":\"message\",\"data\":\"line1\\nline2\\r\\t\\u0001é😀\",\"id\":\"\"}\n");
    }

    @Test
    void statusLinesGoToStderrNotStdout() {
        printer.status("reconnecting in 1.0 s");
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("reconnecting in 1.0 s\n");
    }
}
