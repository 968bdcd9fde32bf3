package dev.cartflow.service.grpc;

import dev.cartflow.service.auth.Credentials;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.Locale;

/**
 * Reads a call's credentials from its metadata, under the HTTP header names lowercased (gRPC
 * metadata keys are lowercase ASCII), and hands them to the call through its {@link Context}.
 */
final class GrpcCredentials implements ServerInterceptor {
    private static final Context.Key<Credentials> CREDENTIALS = Context.key("cartflow-credentials");

    /** The credentials of the call running on this thread. */
    static Credentials current() {
        Credentials credentials = CREDENTIALS.get();
        return credentials == null ? Credentials.none() : credentials;
    }

    /** The metadata key of a header name. */
    static Metadata.Key<String> key(String header) {
        return Metadata.Key.of(header.toLowerCase(Locale.ROOT), Metadata.ASCII_STRING_MARSHALLER);
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                       ServerCallHandler<Q, A> next) {
        Credentials credentials = Credentials.from(name -> headers.get(key(name)));
        return Contexts.interceptCall(Context.current().withValue(CREDENTIALS, credentials), call, headers, next);
    }
}
