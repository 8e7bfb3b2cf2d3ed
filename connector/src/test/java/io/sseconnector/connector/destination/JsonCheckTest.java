package io.sseconnector.connector.destination;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.connector.simulator.CameraEventGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** Exactly one JSON value is JSON (content type application/json); anything else is text. */
class JsonCheckTest {
    private final JsonCheck check = new JsonCheck();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"ALERT\",\"event_id\":1001,\"camera_location\":{\"longitude\":-12.5,\"latitude\":48.1}}",
                "[1,2,{\"a\":[true,false,null]}]",
                "\"leak\"",
                "-3.5e2",
                "42",
                "0",
                "-0.0E+7",
                "true",
                "null",
                "  {\"padded\": 1}  ",
                "\t[\r\n]\n",
                "{}",
                "[]",
                "{\"unicode\":\"caf\u00e9 \u2603\"}",
                "\"escapes \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00\""
            })
    void oneJsonValueIsJson(String payload) {
        assertThat(check.isJson(payload)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "leak detected",
                "{\"a\":1",
                "{\"a\":1}{\"b\":2}",
                "1 2",
                "{a:1}",
                "tru",
                "[1,]",
                "<xml/>",
                "01",
                "-",
                "1.",
                ".5",
                "1e",
                "+1",
                "NaN",
                "{\"a\" 1}",
                "{\"a\":1,}",
                "[1 2]",
                "\"unterminated",
                "\"bad escape \\x\"",
                "\"short \\u12\"",
                "\"raw\ttab\"",
                "{'single':1}",
                "[1]]",
                "\u000b1"
            })
    void anythingElseIsText(String payload) {
        assertThat(check.isJson(payload)).isFalse();
    }

    @Test
    void valuesNestedTooDeeplyAreText() {
        int limit = JsonCheck.MAX_DEPTH;
        assertThat(check.isJson("[".repeat(limit) + "]".repeat(limit))).isTrue();
        assertThat(check.isJson("[".repeat(limit + 1) + "]".repeat(limit + 1))).isFalse();
        assertThat(check.isJson("[".repeat(100_000))).isFalse(); // and no stack overflow
    }

    /** Camera payloads and random edits of them: the same answer as a strict JSON parser's. */
    @Test
    void agreesWithJacksonOnCameraPayloadsAndTheirMutations() {
        JsonFactory jackson = JsonFactory.builder().build();
        CameraEventGenerator camera =
                new CameraEventGenerator(Duration.ofSeconds(5), 0.5, new SplittableRandom(7), () -> 1_764_000_000_000L);
        SplittableRandom random = new SplittableRandom(42);
        String alphabet = "{}[]\":,.-+eE0123456789 \t\n\\/utrfnalsx\u00e9\u0001";
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder payload = new StringBuilder(camera.next().json());
            for (int edits = random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(payload.length() + 1);
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> payload.insert(at, c);
                    case 1 -> {
                        if (at < payload.length()) {
                            payload.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (at < payload.length()) {
                            payload.setCharAt(at, c);
                        }
                    }
                }
            }
            String text = payload.toString();
            if (check.isJson(text) != parses(jackson, text)) {
                disagreements.add(text);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    private static boolean parses(JsonFactory factory, String data) {
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), data)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JacksonException notJson) {
            return false;
        }
    }
}
