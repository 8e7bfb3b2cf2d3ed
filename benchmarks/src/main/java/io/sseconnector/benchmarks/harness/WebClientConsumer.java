package io.sseconnector.benchmarks.harness;

import java.net.URI;
import java.time.Duration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * Spring WebFlux {@code WebClient} on Reactor Netty: {@code bodyToFlux(ServerSentEvent<String>)}.
 * The codecs' in-memory limit is raised from 256 KiB to 2 MiB, or a 1 MiB event fails.
 */
final class WebClientConsumer implements Consumer {
    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
            new ParameterizedTypeReference<>() {};

    private final WebClient client = WebClient.builder()
            .clientConnector(new ReactorClientHttpConnector(HttpClient.create()))
            .codecs(c -> c.defaultCodecs().maxInMemorySize(2 * 1024 * 1024))
            .build();

    @Override
    public Tally read(URI uri, long events) {
        Counts counts = new Counts();
        client.get()
                .uri(uri)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(SSE)
                .take(events)
                .doOnNext(e -> {
                    String type = e.event();
                    String data = e.data();
                    counts.typeLength += type == null ? 0 : type.length();
                    counts.dataLength += data == null ? 0 : data.length();
                    counts.events++;
                })
                .blockLast(Duration.ofMinutes(5));
        return new Tally(counts.events, counts.dataLength, -1);
    }

    private static final class Counts {
        long events;
        long dataLength;
        long typeLength;
    }
}
