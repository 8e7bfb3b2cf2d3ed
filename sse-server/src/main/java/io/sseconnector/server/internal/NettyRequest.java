package io.sseconnector.server.internal;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.sseconnector.server.Request;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/** A {@link Request} copied out of Netty's request, so it outlives the pooled buffers. */
record NettyRequest(
        String method,
        String path,
        Map<String, String> pathParams,
        Map<String, List<String>> queryParams,
        HttpHeaders httpHeaders,
        byte[] body,
        InetSocketAddress remoteAddress)
        implements Request {

    static NettyRequest of(FullHttpRequest request, QueryStringDecoder uri, InetSocketAddress remote) {
        return new NettyRequest(
                request.method().name(),
                uri.path(),
                Map.of(),
                uri.parameters(),
                request.headers(),
                ByteBufUtil.getBytes(request.content()),
                remote);
    }

    NettyRequest withPathParams(Map<String, String> params) {
        return new NettyRequest(method, path, params, queryParams, httpHeaders, body, remoteAddress);
    }

    @Override
    public String header(String name) {
        return httpHeaders.get(name);
    }

    @Override
    public List<String> headers(String name) {
        return httpHeaders.getAll(name);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
