package io.sseconnector.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The routing table: a handler per (methods, path). Paths are exact ({@code /health}) or templates
 * whose {@code {name}} segments match any one non-empty segment ({@code /cameras/{device_id}/events}).
 * Exact paths win over templates; among templates the first added wins. A path no route matches is
 * a 404; a path that matches only with other methods is a 405 with {@code Allow}. Immutable.
 */
public final class Routes {
    private final List<Route> routes;

    private Routes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The outcome of {@link #find}. */
    public sealed interface Match {}

    /** A route takes the request. */
    public record Found(RequestHandler handler, Map<String, String> pathParams) implements Match {}

    /** No route has this path. */
    public record NotFound() implements Match {}

    /** Routes have this path, with these other methods. */
    public record MethodNotAllowed(Set<String> allowed) implements Match {}

    /** Routes a request; {@code path} is percent-decoded and has no query. */
    public Match find(String method, String path) {
        String upper = method.toUpperCase(Locale.ROOT);
        String[] segments = split(path);
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> params = route.match(path, segments);
            if (params == null) {
                continue;
            }
            if (route.methods.contains(upper)) {
                return new Found(route.handler, params);
            }
            allowed.addAll(route.methods);
        }
        return allowed.isEmpty() ? new NotFound() : new MethodNotAllowed(Collections.unmodifiableSet(allowed));
    }

    private static String[] split(String path) {
        return path.startsWith("/") ? path.substring(1).split("/", -1) : path.split("/", -1);
    }

    /** Collects routes; {@link #build()} orders exact paths before templates. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();

        private Builder() {}

        public Builder get(String path, RequestHandler handler) {
            return route(Set.of("GET"), path, handler);
        }

        public Builder post(String path, RequestHandler handler) {
            return route(Set.of("POST"), path, handler);
        }

        /**
         * @throws IllegalArgumentException the path does not start with {@code /}, or a route already
         *     has this path with one of these methods
         */
        public Builder route(Set<String> methods, String path, RequestHandler handler) {
            Objects.requireNonNull(handler, "handler");
            if (methods.isEmpty()) {
                throw new IllegalArgumentException("a route needs at least one method: " + path);
            }
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("a route path starts with '/': " + path);
            }
            Set<String> upper = new LinkedHashSet<>();
            methods.forEach(m -> upper.add(m.toUpperCase(Locale.ROOT)));
            Route route = new Route(upper, path, split(path), handler);
            for (Route existing : routes) {
                if (existing.path.equals(path) && !Collections.disjoint(existing.methods, upper)) {
                    throw new IllegalArgumentException("two routes for " + upper + " " + path);
                }
            }
            routes.add(route);
            return this;
        }

        public Routes build() {
            List<Route> ordered = new ArrayList<>();
            routes.stream().filter(r -> !r.isTemplate()).forEach(ordered::add);
            routes.stream().filter(Route::isTemplate).forEach(ordered::add);
            return new Routes(ordered);
        }
    }

    private record Route(Set<String> methods, String path, String[] segments, RequestHandler handler) {
        boolean isTemplate() {
            for (String segment : segments) {
                if (isParam(segment)) {
                    return true;
                }
            }
            return false;
        }

        /** The path parameters when the path matches, else {@code null}. */
        Map<String, String> match(String requestPath, String[] requestSegments) {
            if (!isTemplate()) {
                return path.equals(requestPath) ? Map.of() : null;
            }
            if (requestSegments.length != segments.length) {
                return null;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < segments.length; i++) {
                String want = segments[i];
                String got = requestSegments[i];
                if (isParam(want)) {
                    if (got.isEmpty()) {
                        return null;
                    }
                    params.put(want.substring(1, want.length() - 1), got);
                } else if (!want.equals(got)) {
                    return null;
                }
            }
            return Collections.unmodifiableMap(params);
        }

        private static boolean isParam(String segment) {
            return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
        }
    }
}
