package uk.org.quadrant.gateway.identity.csrf;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One plain (not file) field of a {@code multipart/form-data} body, read with Netty's own multipart
 * decoder (the one the server uses) from a copy of the body, so the route still binds the original.
 * A field that is missing, repeated, sent as a file, or a body that is not well-formed reads as empty.
 */
final class MultipartField {

    /** More fields than any of the gateway's forms has: a body of thousands of tiny parts is not decoded. */
    private static final int MAX_FIELDS = 64;
    private static final int MAX_BUFFERED = 64 * 1024;

    private MultipartField() {
    }

    static Optional<String> read(byte[] body, String contentType, String name) {
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).contains("boundary=")) {
            return Optional.empty();
        }
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                Unpooled.wrappedBuffer(body));
        request.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        HttpPostMultipartRequestDecoder decoder = null;
        try {
            decoder = new HttpPostMultipartRequestDecoder(new DefaultHttpDataFactory(false), request, StandardCharsets.UTF_8,
                    MAX_FIELDS, MAX_BUFFERED);
            List<InterfaceHttpData> fields = decoder.getBodyHttpDatas(name);
            if (fields == null || fields.size() != 1 || !(fields.get(0) instanceof Attribute field)) {
                return Optional.empty();
            }
            return Optional.of(field.getValue());
        } catch (IOException | RuntimeException e) {
            // DecoderException, or whatever else hostile input makes the decoder throw (a missing boundary is an NPE
            // in Netty 4.2): a body that cannot be read carries no token, and the post is refused with 403, not 500.
            return Optional.empty();
        } finally {
            if (decoder != null) {
                decoder.destroy();
            }
            if (request.refCnt() > 0) {
                request.release();
            }
        }
    }
}
