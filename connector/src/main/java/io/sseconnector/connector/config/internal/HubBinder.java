package io.sseconnector.connector.config.internal;

import io.sseconnector.connector.config.ChannelConfig;
import io.sseconnector.connector.config.Secret;
import io.sseconnector.connector.config.ServerConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The hub: {@code server} and {@code channels} (their replay and authorization rules). */
final class HubBinder {
    static final List<String> SERVER_KEYS = List.of("host", "port", "auth");
    static final List<String> SERVER_AUTH_KEYS = List.of("token");
    /** Shorter tokens get a warning: they can be guessed. */
    static final int MIN_TOKEN_LENGTH = 16;

    static final List<String> CHANNEL_KEYS = List.of("id", "replay", "subscribe", "publish");
    static final List<String> REPLAY_KEYS = List.of("size", "ttl");
    static final List<String> ACCESS_KEYS = List.of("auth");
    static final List<String> AUTH_KEYS = List.of("headers");
    static final List<String> RULE_KEYS = List.of("type", "value");
    private static final Map<String, ChannelConfig.MatchType> MATCH = Map.of(
            "equals", ChannelConfig.MatchType.EQUALS,
            "prefix", ChannelConfig.MatchType.PREFIX,
            "regex", ChannelConfig.MatchType.REGEX);
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final Binding binding;

    HubBinder(Binding binding) {
        this.binding = binding;
    }

    Optional<ServerConfig> server(Node node) {
        Optional<Fields> found = Fields.of(binding.scalars, node, SERVER_KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Fields f = found.get();
        int errors = binding.problems.errorCount();
        String host = f.get("host").flatMap(binding.scalars::nonEmptyText).orElse(ServerConfig.DEFAULT_HOST);
        Optional<Node> portNode = f.required("port");
        var port = portNode.flatMap(p -> {
            var value = binding.scalars.integer(p, 0, 65535, "port must be 0..65535 (0: any free port)");
            return value.isPresent() ? Optional.of((int) value.getAsLong()) : Optional.empty();
        });
        Optional<Secret> token = f.get("auth").flatMap(this::token);
        if (token.isEmpty() && f.get("auth").isEmpty() && !isLoopback(host)) {
            f.warning(
                    "host",
                    "host " + host + " serves /stats, /schemas and /metrics to other machines to anyone who asks;"
                            + " set server.auth.token (e.g. \"${env:ADMIN_TOKEN}\") to require a bearer token");
        }
        if (port.isEmpty() || binding.problems.errorCount() > errors) {
            return Optional.empty();
        }
        return binding.build(node, () -> new ServerConfig(host, port.get(), token));
    }

    /** {@code auth: { token: … }}: one word, the bearer token clients send. */
    private Optional<Secret> token(Node node) {
        Optional<Fields> found = Fields.of(binding.scalars, node, SERVER_AUTH_KEYS);
        Optional<Node> tokenNode = found.flatMap(a -> a.required("token"));
        Optional<Secret> token = tokenNode.flatMap(binding.scalars::secret);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        String value = token.get().value();
        // Messages describe the token, never show it: it may come from ${env:} or ${file:}.
        if (value.isBlank()) {
            binding.problems.error(tokenNode.get(), "the token is empty");
            return Optional.empty();
        }
        if (value.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
            binding.problems.error(
                    tokenNode.get(),
                    "the token holds a space or a control character; write the token alone"
                            + " (clients send it as 'Authorization: Bearer TOKEN')");
            return Optional.empty();
        }
        if (value.length() < MIN_TOKEN_LENGTH) {
            binding.problems.warning(
                    tokenNode.get(),
                    "the token has fewer than " + MIN_TOKEN_LENGTH + " characters and could be guessed;"
                            + " make one with: openssl rand -hex 32");
        }
        return token;
    }

    /** Whether {@code host} names this machine's loopback interface (no lookup: validate stays offline). */
    static boolean isLoopback(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
    }

    Optional<ChannelConfig> channel(Node node) {
        Optional<Fields> found = Fields.of(binding.scalars, node, CHANNEL_KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Fields f = found.get();
        int errors = binding.problems.errorCount();
        Optional<String> id = f.required("id").flatMap(binding.scalars::nonEmptyText);
        if (id.isPresent() && !ChannelConfig.ID.matcher(id.get()).matches()) {
            f.error("id", "a channel id is letters, digits, '.', '_' and '-' (it is a URL path segment)");
        } else {
            id.ifPresent(i -> binding.unique(binding.channels, i, f.get("id").orElseThrow(), "channel id"));
        }
        ChannelConfig.Replay replay = f.get("replay").map(this::replay).orElse(ChannelConfig.Replay.DEFAULTS);
        Optional<ChannelConfig.Auth> subscribe = f.get("subscribe").flatMap(this::access);
        Optional<ChannelConfig.Auth> publish = f.get("publish").flatMap(this::access);
        if (id.isEmpty() || binding.problems.errorCount() > errors) {
            return Optional.empty();
        }
        return binding.build(node, () -> new ChannelConfig(id.get(), replay, subscribe, publish));
    }

    private ChannelConfig.Replay replay(Node node) {
        Optional<Fields> found = Fields.of(binding.scalars, node, REPLAY_KEYS);
        if (found.isEmpty()) {
            return ChannelConfig.Replay.DEFAULTS;
        }
        Fields f = found.get();
        ChannelConfig.Replay defaults = ChannelConfig.Replay.DEFAULTS;
        long size = f.integer(
                "size",
                defaults.size(),
                0,
                Integer.MAX_VALUE,
                "replay size is a number of events, 0.." + Integer.MAX_VALUE);
        Duration ttl = f.duration("ttl", defaults.ttl());
        return new ChannelConfig.Replay((int) size, ttl);
    }

    /** {@code {auth: {headers: {NAME: {type, value}}}}}. */
    private Optional<ChannelConfig.Auth> access(Node node) {
        Optional<Fields> outer = Fields.of(binding.scalars, node, ACCESS_KEYS);
        Optional<Fields> auth =
                outer.flatMap(o -> o.required("auth")).flatMap(a -> Fields.of(binding.scalars, a, AUTH_KEYS));
        Optional<Node> headers = auth.flatMap(a -> a.required("headers"));
        if (headers.isEmpty()) {
            return Optional.empty();
        }
        if (!(headers.get() instanceof Node.MapNode map)) {
            binding.scalars.wrongType(headers.get(), "a mapping of header names to {type, value}");
            return Optional.empty();
        }
        Map<String, ChannelConfig.HeaderRule> rules = new LinkedHashMap<>();
        for (Node.Entry entry : map.entries()) {
            if (!HEADER_NAME.matcher(entry.key()).matches()) {
                binding.problems.error(
                        entry.value().path(), entry.keyMark(), "'" + entry.key() + "' is not a valid header name");
                continue;
            }
            rule(entry.value()).ifPresent(rule -> rules.put(entry.key(), rule));
        }
        return Optional.of(new ChannelConfig.Auth(rules));
    }

    private Optional<ChannelConfig.HeaderRule> rule(Node node) {
        Optional<Fields> found = Fields.of(binding.scalars, node, RULE_KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Fields f = found.get();
        Optional<ChannelConfig.MatchType> type =
                f.required("type").flatMap(t -> binding.scalars.choice(t, MATCH, "equals, prefix or regex"));
        Optional<Secret> value = f.required("value").flatMap(binding.scalars::secret);
        if (type.isEmpty() || value.isEmpty()) {
            return Optional.empty();
        }
        if (type.get() == ChannelConfig.MatchType.REGEX) {
            try {
                Pattern.compile(value.get().value());
            } catch (PatternSyntaxException e) {
                // The pattern may be a secret: say what is wrong and where, never the pattern.
                f.error("value", "not a valid regular expression: " + e.getDescription() + " at index " + e.getIndex());
                return Optional.empty();
            }
        }
        return Optional.of(new ChannelConfig.HeaderRule(type.get(), value.get()));
    }
}
