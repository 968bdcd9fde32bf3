package dev.cartflow.service.grpc;

import dev.cartflow.service.auth.Credentials;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads a call's credentials from its metadata, under the HTTP header names lowercased (gRPC
 * metadata keys are lowercase ASCII), the caller's address and its request id ({@code x-request-id},
 * the engine's correlation id, as over HTTP), and hands them to the call through its {@link Context}.
 */
final class GrpcCredentials implements ServerInterceptor {
    private static final Context.Key<Credentials> CREDENTIALS = Context.key("cartflow-credentials");
    private static final Context.Key<String> CLIENT = Context.key("cartflow-client");
    private static final Context.Key<String> REQUEST_ID = Context.key("cartflow-request-id");
    private static final Metadata.Key<String> REQUEST_ID_KEY = key("X-Request-Id");
    private static final int MAX_REQUEST_ID = 128;

    /** The credentials of the call running on this thread. */
    static Credentials current() {
        Credentials credentials = CREDENTIALS.get();
        return credentials == null ? Credentials.none() : credentials;
    }

    /** The caller's IP address, the client a guest cart's creation is counted against, or null. */
    static @Nullable String client() {
        return CLIENT.get();
    }

    /** The caller's request id, passed to the engine's log lines as the correlation id, or null. */
    static @Nullable String requestId() {
        return REQUEST_ID.get();
    }

    /** The metadata key of a header name. */
    static Metadata.Key<String> key(String header) {
        return Metadata.Key.of(header.toLowerCase(Locale.ROOT), Metadata.ASCII_STRING_MARSHALLER);
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                       ServerCallHandler<Q, A> next) {
        Credentials credentials = Credentials.from(name -> headers.get(key(name)));
        SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        String client = remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : null;
        String requestId = headers.get(REQUEST_ID_KEY);
        // only a short printable id is passed on: it ends up in log lines
        if (requestId != null && (requestId.isBlank() || requestId.length() > MAX_REQUEST_ID
                || !requestId.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            requestId = null;
        }
        return Contexts.interceptCall(Context.current().withValue(CREDENTIALS, credentials).withValue(CLIENT, client)
                .withValue(REQUEST_ID, requestId), call, headers, next);
    }
}
