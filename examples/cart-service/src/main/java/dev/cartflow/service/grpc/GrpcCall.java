package dev.cartflow.service.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import dev.cartflow.service.auth.Credentials;
import dev.cartflow.service.grpc.v1.AddLineRequest;
import dev.cartflow.service.grpc.v1.ApplyCodeRequest;
import dev.cartflow.service.grpc.v1.CartServiceGrpc;
import dev.cartflow.service.grpc.v1.ChangeCountryRequest;
import dev.cartflow.service.grpc.v1.CheckoutRequest;
import dev.cartflow.service.grpc.v1.ClearLinesRequest;
import dev.cartflow.service.grpc.v1.CreateCartRequest;
import dev.cartflow.service.grpc.v1.GetCartRequest;
import dev.cartflow.service.grpc.v1.GetCustomerCartRequest;
import dev.cartflow.service.grpc.v1.ListEventsRequest;
import dev.cartflow.service.grpc.v1.ListLinesRequest;
import dev.cartflow.service.grpc.v1.RemoveCodeRequest;
import dev.cartflow.service.grpc.v1.RemoveLineRequest;
import dev.cartflow.service.grpc.v1.SelectShippingRequest;
import dev.cartflow.service.grpc.v1.SetQuantityRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A small gRPC client shipped in the executable jar, since no gRPC command-line tool is packaged
 * here: {@code java -jar cartflow-cart-service-*-exec.jar grpc-call [--target=localhost:9090]
 * <operation> [--option=value ...]}. It calls one rpc and prints the answer as JSON (protobuf's
 * JSON mapping), or the failure's {@code google.rpc.Status} as JSON on standard error.
 *
 * <p>Operations: {@code create --currency= --country= [--customer-group=] [--metadata=]},
 * {@code get --cart=}, {@code lines --cart= [--offset=] [--limit=]},
 * {@code add --cart= --sku= --quantity= [--warehouse=]}, {@code set-quantity --cart= --line= --quantity=},
 * {@code remove-line --cart= --line=}, {@code clear --cart=}, {@code apply-code --cart= --code=},
 * {@code remove-code --cart= --code=}, {@code shipping --cart= --method=}, {@code country --cart= --country=},
 * {@code checkout --cart=}, {@code events --cart= [--after=]}, {@code customer-cart --customer=}.
 * Credentials: {@code --token=} (a guest's cart token), {@code --bearer=}, {@code --api-key=}; a change
 * also takes {@code --expected-version=} and {@code --idempotency-key=}.
 */
public final class GrpcCall {
    /** Exit status of a call the server refused. */
    static final int FAILED = 1;
    /** Exit status of a command line that is not understood. */
    static final int USAGE = 2;

    private static final TypeRegistry DETAILS = TypeRegistry.newBuilder().add(ErrorInfo.getDescriptor())
            .add(RetryInfo.getDescriptor()).build();
    private static final Map<String, Function<Options, Function<CartServiceGrpc.CartServiceBlockingStub, Message>>>
            OPERATIONS = operations();

    private GrpcCall() {
    }

    /**
     * Runs the command and exits with a non-zero status when it fails.
     *
     * @param args the operation and its options
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; answers its exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        Function<CartServiceGrpc.CartServiceBlockingStub, Message> call;
        try {
            options = Options.parse(args);
            call = OPERATIONS.get(options.operation()).apply(options);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("usage: grpc-call [--target=host:port] <" + String.join("|", OPERATIONS.keySet())
                    + "> [--option=value ...]");
            return USAGE;
        }
        ManagedChannel channel = ManagedChannelBuilder.forTarget(options.target()).usePlaintext().build();
        try {
            out.println(JsonFormat.printer().print(call.apply(stub(channel, options))));
            return 0;
        } catch (StatusRuntimeException e) {
            err.println(describe(e));
            return FAILED;
        } catch (InvalidProtocolBufferException e) {
            err.println("the answer cannot be printed as JSON");
            return FAILED;
        } finally {
            channel.shutdownNow();
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static CartServiceGrpc.CartServiceBlockingStub stub(ManagedChannel channel, Options options) {
        Metadata metadata = new Metadata();
        options.optional("token").ifPresent(v -> metadata.put(GrpcCredentials.key(Credentials.CART_TOKEN), v));
        options.optional("bearer").ifPresent(v -> metadata.put(GrpcCredentials.key(Credentials.AUTHORIZATION),
                "Bearer " + v));
        options.optional("api-key").ifPresent(v -> metadata.put(GrpcCredentials.key(Credentials.API_KEY), v));
        return CartServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
    }

    private static String describe(StatusRuntimeException failure) {
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        if (status == null) {
            return "{\"code\": " + failure.getStatus().getCode().value() + ", \"message\": \""
                    + failure.getStatus().getCode() + "\"}";
        }
        try {
            return JsonFormat.printer().usingTypeRegistry(DETAILS).print(status);
        } catch (InvalidProtocolBufferException e) {
            return status.getCode() + " " + status.getMessage();
        }
    }

    private static Map<String, Function<Options, Function<CartServiceGrpc.CartServiceBlockingStub, Message>>>
            operations() {
        Map<String, Function<Options, Function<CartServiceGrpc.CartServiceBlockingStub, Message>>> ops =
                new LinkedHashMap<>();
        ops.put("create", o -> {
            CreateCartRequest.Builder request = CreateCartRequest.newBuilder().setCurrency(o.required("currency"))
                    .setCountry(o.required("country")).setMetadataJson(o.optional("metadata").orElse(""))
                    .setIdempotencyKey(o.optional("idempotency-key").orElse(""));
            o.optional("customer-group").ifPresent(request::setCustomerGroup);
            return stub -> stub.createCart(request.build());
        });
        ops.put("get", o -> {
            GetCartRequest request = GetCartRequest.newBuilder().setCartId(o.required("cart")).build();
            return stub -> stub.getCart(request);
        });
        ops.put("lines", o -> {
            ListLinesRequest request = ListLinesRequest.newBuilder().setCartId(o.required("cart"))
                    .setOffset(o.number("offset", 0)).setLimit(o.number("limit", 0)).build();
            return stub -> stub.listLines(request);
        });
        ops.put("add", o -> {
            AddLineRequest.Builder request = AddLineRequest.newBuilder().setCartId(o.required("cart"))
                    .setSku(o.required("sku")).setQuantity(o.number("quantity", 1))
                    .setWarehouse(o.optional("warehouse").orElse("")).setIdempotencyKey(o.key());
            o.version().ifPresent(request::setExpectedVersion);
            return stub -> stub.addLine(request.build());
        });
        ops.put("set-quantity", o -> {
            SetQuantityRequest.Builder request = SetQuantityRequest.newBuilder().setCartId(o.required("cart"))
                    .setLineId(o.required("line")).setQuantity(o.requiredNumber("quantity"))
                    .setIdempotencyKey(o.key());
            o.version().ifPresent(request::setExpectedVersion);
            return stub -> stub.setQuantity(request.build());
        });
        ops.put("remove-line", o -> {
            RemoveLineRequest.Builder request = RemoveLineRequest.newBuilder().setCartId(o.required("cart"))
                    .setLineId(o.required("line")).setIdempotencyKey(o.key());
            o.version().ifPresent(request::setExpectedVersion);
            return stub -> stub.removeLine(request.build());
        });
        ops.put("clear", o -> {
            ClearLinesRequest.Builder request = ClearLinesRequest.newBuilder().setCartId(o.required("cart"))
                    .setIdempotencyKey(o.key());
            o.version().ifPresent(request::setExpectedVersion);
            return stub -> stub.clearLines(request.build());
        });
        ops.put("apply-code", o -> {
            ApplyCodeRequest.Builder request = ApplyCodeRequest.newBuilder().setCartId(o.required("cart"))
                    .setCode(o.required("code")).setIdempotencyKey(o.key());
            o.version().ifPresent(request::setExpectedVersion);
            return stub -> stub.applyCode(request.build());
        });
        ops.put("remove-code", o -> {
            RemoveCodeRequest.Builder request = RemoveCodeRequest.newBuilder().setCartId(o.required("cart"))
                    .setCode(o.required("code")).setIdempotencyKey(o.key());
            o.version().ifPresent(request::setExpectedVersion);
            return stub -> stub.removeCode(request.build());
        });
        ops.put("shipping", o -> {
            SelectShippingRequest.Builder request = SelectShippingRequest.newBuilder().setCartId(o.required("cart"))
                    .setMethodId(o.required("method")).setIdempotencyKey(o.key());
            o.version().ifPresent(request::setExpectedVersion);
            return stub -> stub.selectShipping(request.build());
        });
        ops.put("country", o -> {
            ChangeCountryRequest.Builder request = ChangeCountryRequest.newBuilder().setCartId(o.required("cart"))
                    .setCountry(o.required("country")).setIdempotencyKey(o.key());
            o.version().ifPresent(request::setExpectedVersion);
            return stub -> stub.changeCountry(request.build());
        });
        ops.put("checkout", o -> {
            CheckoutRequest.Builder request = CheckoutRequest.newBuilder().setCartId(o.required("cart"))
                    .setIdempotencyKey(o.key());
            o.version().ifPresent(request::setExpectedVersion);
            return stub -> stub.checkout(request.build());
        });
        ops.put("events", o -> {
            ListEventsRequest request = ListEventsRequest.newBuilder().setCartId(o.required("cart"))
                    .setAfter(o.number("after", 0)).build();
            return stub -> stub.listEvents(request);
        });
        ops.put("customer-cart", o -> {
            GetCustomerCartRequest request = GetCustomerCartRequest.newBuilder()
                    .setCustomerId(o.required("customer")).build();
            return stub -> stub.getCustomerCart(request);
        });
        return ops;
    }

    /** The parsed command line: the operation and its {@code --name=value} options. */
    private record Options(String operation, Map<String, String> values) {
        static Options parse(String[] args) {
            Map<String, String> values = new TreeMap<>();
            String operation = null;
            for (String arg : args) {
                if (arg.startsWith("--") && arg.contains("=")) {
                    values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
                } else if (operation == null && !arg.startsWith("--")) {
                    operation = arg;
                } else {
                    throw new IllegalArgumentException("not understood: " + arg + " (options are --name=value)");
                }
            }
            if (operation == null || !OPERATIONS.containsKey(operation)) {
                throw new IllegalArgumentException(operation == null ? "no operation given"
                        : "no such operation: " + operation);
            }
            return new Options(operation, values);
        }

        String target() {
            return values.getOrDefault("target", "localhost:9090");
        }

        String required(String name) {
            return optional(name).orElseThrow(() -> new IllegalArgumentException(operation + " needs --" + name + "="));
        }

        java.util.Optional<String> optional(String name) {
            return java.util.Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
        }

        int requiredNumber(String name) {
            required(name);
            return number(name, 0);
        }

        int number(String name, int absent) {
            long value = longNumber(name, absent);
            if (value != (int) value) {
                throw new IllegalArgumentException("--" + name + " is out of range");
            }
            return (int) value;
        }

        java.util.Optional<Long> version() {
            return optional("expected-version").map(v -> longNumber("expected-version", 0));
        }

        String key() {
            return optional("idempotency-key").orElse("");
        }

        private long longNumber(String name, long absent) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                return absent;
            }
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a whole number");
            }
        }
    }
}
