package io.sseconnector.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutesTest {
    private static final RequestHandler A = request -> Response.text(200, "a");
    private static final RequestHandler B = request -> Response.text(200, "b");
    private static final RequestHandler C = request -> Response.text(200, "c");

    @Test
    void exactPathFindsItsHandlerWithNoParams() {
        Routes routes = Routes.builder().get("/health", A).build();

        assertThat(routes.find("GET", "/health")).isEqualTo(new Routes.Found(A, Map.of()));
    }

    @Test
    void methodIsMatchedCaseInsensitively() {
        Routes routes = Routes.builder().get("/health", A).build();

        assertThat(routes.find("get", "/health")).isInstanceOf(Routes.Found.class);
    }

    @Test
    void templateSegmentsBecomePathParams() {
        Routes routes = Routes.builder().get("/cameras/{device_id}/events", A).build();

        assertThat(routes.find("GET", "/cameras/cam-7/events"))
                .isEqualTo(new Routes.Found(A, Map.of("device_id", "cam-7")));
    }

    @Test
    void templateSegmentMatchesOneNonEmptySegmentOnly() {
        Routes routes = Routes.builder().get("/cameras/{id}/events", A).build();

        assertThat(routes.find("GET", "/cameras//events")).isInstanceOf(Routes.NotFound.class);
        assertThat(routes.find("GET", "/cameras/a/b/events")).isInstanceOf(Routes.NotFound.class);
        assertThat(routes.find("GET", "/cameras/a/events/")).isInstanceOf(Routes.NotFound.class);
    }

    @Test
    void unknownPathIsNotFound() {
        Routes routes = Routes.builder().get("/health", A).build();

        assertThat(routes.find("GET", "/healthz")).isInstanceOf(Routes.NotFound.class);
        assertThat(routes.find("GET", "/health/")).isInstanceOf(Routes.NotFound.class);
        assertThat(routes.find("GET", "/")).isInstanceOf(Routes.NotFound.class);
    }

    @Test
    void knownPathWithAnotherMethodListsTheAllowedOnes() {
        Routes routes = Routes.builder()
                .get("/publish/{channel}", A)
                .post("/publish/{channel}", B)
                .get("/health", C)
                .build();

        assertThat(routes.find("DELETE", "/publish/alerts"))
                .isEqualTo(new Routes.MethodNotAllowed(Set.of("GET", "POST")));
        assertThat(routes.find("POST", "/health")).isEqualTo(new Routes.MethodNotAllowed(Set.of("GET")));
        assertThat(routes.find("POST", "/publish/alerts")).isEqualTo(new Routes.Found(B, Map.of("channel", "alerts")));
    }

    @Test
    void exactPathWinsOverTemplateWhateverTheOrder() {
        Routes routes =
                Routes.builder().get("/sse/{channel}", A).get("/sse/stats", B).build();

        assertThat(routes.find("GET", "/sse/stats")).isEqualTo(new Routes.Found(B, Map.of()));
        assertThat(routes.find("GET", "/sse/alerts")).isEqualTo(new Routes.Found(A, Map.of("channel", "alerts")));
    }

    @Test
    void routeForSeveralMethods() {
        Routes routes = Routes.builder().route(Set.of("GET", "HEAD"), "/", A).build();

        assertThat(routes.find("HEAD", "/")).isInstanceOf(Routes.Found.class);
        assertThat(routes.find("GET", "/")).isInstanceOf(Routes.Found.class);
    }

    @Test
    void sameMethodAndPathTwiceIsRejected() {
        Routes.Builder builder = Routes.builder().get("/a", A);

        assertThatThrownBy(() -> builder.route(Set.of("POST", "GET"), "/a", B))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/a");
    }

    @Test
    void pathMustBeAbsolute() {
        assertThatThrownBy(() -> Routes.builder().get("health", A))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("health");
    }
}
