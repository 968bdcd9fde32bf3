package dev.cartflow.service.grpc;

import dev.cartflow.service.Replays;
import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeResult;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineId;
import dev.cartflow.model.Sku;
import dev.cartflow.service.auth.ActorResolver;
import dev.cartflow.service.auth.Credentials;
import dev.cartflow.service.auth.Unauthenticated;
import dev.cartflow.service.events.CartEventFeed;
import dev.cartflow.service.grpc.v1.AddLineRequest;
import dev.cartflow.service.grpc.v1.ApplyCodeRequest;
import dev.cartflow.service.grpc.v1.Cart;
import dev.cartflow.service.grpc.v1.CartEvent;
import dev.cartflow.service.grpc.v1.CartServiceGrpc;
import dev.cartflow.service.grpc.v1.ChangeCountryRequest;
import dev.cartflow.service.grpc.v1.CheckoutRequest;
import dev.cartflow.service.grpc.v1.ClearLinesRequest;
import dev.cartflow.service.grpc.v1.CreateCartRequest;
import dev.cartflow.service.grpc.v1.CreateCartResponse;
import dev.cartflow.service.grpc.v1.GetCartRequest;
import dev.cartflow.service.grpc.v1.GetCustomerCartRequest;
import dev.cartflow.service.grpc.v1.ListEventsRequest;
import dev.cartflow.service.grpc.v1.ListEventsResponse;
import dev.cartflow.service.grpc.v1.ListLinesRequest;
import dev.cartflow.service.grpc.v1.ListLinesResponse;
import dev.cartflow.service.grpc.v1.MergeRequest;
import dev.cartflow.service.grpc.v1.PreviewMergeRequest;
import dev.cartflow.service.grpc.v1.RemoveCodeRequest;
import dev.cartflow.service.grpc.v1.RemoveLineRequest;
import dev.cartflow.service.grpc.v1.SelectShippingRequest;
import dev.cartflow.service.grpc.v1.SetMetadataRequest;
import dev.cartflow.service.grpc.v1.SetQuantityRequest;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cart rpcs: each one the engine call its HTTP resource makes, with the caller's actor from the
 * call's metadata, answering the priced cart; every failure through {@link GrpcErrors}.
 */
final class CartGrpcService extends CartServiceGrpc.CartServiceImplBase {
    private static final int MAX_PAGE = 500;
    private static final int DEFAULT_PAGE = 50;

    private final CartEngine engine;
    private final ActorResolver actors;
    private final CartEventFeed feed;
    private final CartMessages messages;
    private final Replays<CreateCartResponse> creations = new Replays<>();
    private final Replays<Cart> merges = new Replays<>();

    CartGrpcService(CartEngine engine, ActorResolver actors, CartEventFeed feed, CartMessages messages) {
        this.engine = engine;
        this.actors = actors;
        this.feed = feed;
        this.messages = messages;
    }

    @Override
    public void createCart(CreateCartRequest request, StreamObserver<CreateCartResponse> answer) {
        unary(answer, "CreateCart", () -> {
            if (request.getCurrency().isBlank() || request.getCountry().isBlank()) {
                throw CartException.invalidInput("currency and country are required");
            }
            Currency currency = currency(request.getCurrency());
            Optional<CustomerId> customer = actors.customer(GrpcCredentials.current());
            // a key is the caller's own: one customer's key never answers another's cart
            String scope = customer.map(c -> "customer " + c.value()).orElse("guest " + GrpcCredentials.client());
            return creations.once(scope, request.getIdempotencyKey(), request.toString(), () -> {
                NewCart spec = new NewCart(currency, request.getCountry(),
                        request.hasCustomerGroup() ? request.getCustomerGroup() : null, GrpcCredentials.client(),
                        null);
                Actor actor;
                CartId id;
                String token = "";
                if (customer.isPresent()) {
                    actor = Actor.customer(customer.get());
                    id = engine.createCustomerCart(actor, customer.get(), spec).id();
                } else {
                    CreatedCart created = engine.createGuestCart(spec);
                    token = created.token();
                    actor = Actor.guest(token);
                    id = created.cart().id();
                }
                if (!request.getMetadataJson().isBlank()) {
                    engine.execute(actor, id, new CartCommand.SetMetadata(request.getMetadataJson()), Mutation.none());
                }
                return CreateCartResponse.newBuilder().setCart(messages.cart(engine.price(actor, id))).setToken(token)
                        .build();
            });
        });
    }

    @Override
    public void getCart(GetCartRequest request, StreamObserver<Cart> answer) {
        unary(answer, "GetCart", () -> messages.cart(engine.price(actor(), cartId(request.getCartId()))));
    }

    @Override
    public void listLines(ListLinesRequest request, StreamObserver<ListLinesResponse> answer) {
        unary(answer, "ListLines", () -> {
            int limit = request.getLimit() == 0 ? DEFAULT_PAGE : request.getLimit();
            if (request.getOffset() < 0 || limit < 1 || limit > MAX_PAGE) {
                throw CartException.invalidInput("offset must be at least 0 and limit between 1 and " + MAX_PAGE);
            }
            return messages.lines(engine.price(actor(), cartId(request.getCartId())), request.getOffset(), limit);
        });
    }

    @Override
    public void addLine(AddLineRequest request, StreamObserver<Cart> answer) {
        change(answer, "AddLine", request.getCartId(), () -> new CartCommand.AddItem(Sku.of(request.getSku()),
                        request.getQuantity(), request.getWarehouse().isBlank() ? null : request.getWarehouse()),
                request.hasExpectedVersion() ? request.getExpectedVersion() : null, request.getIdempotencyKey());
    }

    @Override
    public void setQuantity(SetQuantityRequest request, StreamObserver<Cart> answer) {
        change(answer, "SetQuantity", request.getCartId(),
                () -> new CartCommand.SetQuantity(lineId(request.getLineId()), request.getQuantity()),
                request.hasExpectedVersion() ? request.getExpectedVersion() : null, request.getIdempotencyKey());
    }

    @Override
    public void removeLine(RemoveLineRequest request, StreamObserver<Cart> answer) {
        change(answer, "RemoveLine", request.getCartId(),
                () -> new CartCommand.RemoveLines(List.of(lineId(request.getLineId()))),
                request.hasExpectedVersion() ? request.getExpectedVersion() : null, request.getIdempotencyKey());
    }

    @Override
    public void clearLines(ClearLinesRequest request, StreamObserver<Cart> answer) {
        change(answer, "ClearLines", request.getCartId(), CartCommand.Clear::new,
                request.hasExpectedVersion() ? request.getExpectedVersion() : null, request.getIdempotencyKey());
    }

    @Override
    public void applyCode(ApplyCodeRequest request, StreamObserver<Cart> answer) {
        change(answer, "ApplyCode", request.getCartId(), () -> new CartCommand.ApplyCode(request.getCode()),
                request.hasExpectedVersion() ? request.getExpectedVersion() : null, request.getIdempotencyKey());
    }

    @Override
    public void removeCode(RemoveCodeRequest request, StreamObserver<Cart> answer) {
        change(answer, "RemoveCode", request.getCartId(), () -> new CartCommand.RemoveCode(request.getCode()),
                request.hasExpectedVersion() ? request.getExpectedVersion() : null, request.getIdempotencyKey());
    }

    @Override
    public void selectShipping(SelectShippingRequest request, StreamObserver<Cart> answer) {
        change(answer, "SelectShipping", request.getCartId(),
                () -> new CartCommand.SelectShipping(request.getMethodId()),
                request.hasExpectedVersion() ? request.getExpectedVersion() : null, request.getIdempotencyKey());
    }

    @Override
    public void changeCountry(ChangeCountryRequest request, StreamObserver<Cart> answer) {
        change(answer, "ChangeCountry", request.getCartId(), () -> new CartCommand.ChangeCountry(request.getCountry()),
                request.hasExpectedVersion() ? request.getExpectedVersion() : null, request.getIdempotencyKey());
    }

    @Override
    public void setMetadata(SetMetadataRequest request, StreamObserver<Cart> answer) {
        change(answer, "SetMetadata", request.getCartId(),
                () -> new CartCommand.SetMetadata(request.getMetadataJson()),
                request.hasExpectedVersion() ? request.getExpectedVersion() : null, request.getIdempotencyKey());
    }

    @Override
    public void merge(MergeRequest request, StreamObserver<Cart> answer) {
        unary(answer, "Merge", () -> {
            dev.cartflow.core.merge.MergeRequest merge = mergeRequest(request.getCartId(), request.getPolicy());
            return merges.once("customer " + merge.customerId().value(), request.getIdempotencyKey(), request.toString(),
                    () -> {
                Actor actor = Actor.customer(merge.customerId());
                MergeResult result = engine.merge(actor, merge);
                return messages.merge(result, engine.price(actor, result.cart().id()));
            });
        });
    }

    @Override
    public void previewMerge(PreviewMergeRequest request, StreamObserver<Cart> answer) {
        unary(answer, "PreviewMerge", () -> {
            dev.cartflow.core.merge.MergeRequest merge = mergeRequest(request.getCartId(), request.getPolicy());
            Actor actor = Actor.customer(merge.customerId());
            MergeResult result = engine.previewMerge(actor, merge);
            // a preview stores nothing: the answer is the cart the merge would go into, as it stands
            CartId into = engine.activeCart(actor, merge.customerId()).map(c -> c.id()).orElse(merge.guestCartId());
            Actor reader = into.equals(merge.guestCartId()) ? Actor.guest(merge.guestToken()) : actor;
            return messages.merge(result, engine.price(reader, into));
        });
    }

    @Override
    public void checkout(CheckoutRequest request, StreamObserver<Cart> answer) {
        unary(answer, "Checkout", () -> messages.checkout(engine.checkout(actor(), cartId(request.getCartId()),
                mutation(request.hasExpectedVersion() ? request.getExpectedVersion() : null,
                        request.getIdempotencyKey()))));
    }

    @Override
    public void listEvents(ListEventsRequest request, StreamObserver<ListEventsResponse> answer) {
        unary(answer, "ListEvents", () -> {
            CartId id = cartId(request.getCartId());
            List<CartEvent> events = engine.changesSince(actor(), id, after(request.getAfter())).stream()
                    .map(CartMessages::event).toList();
            return ListEventsResponse.newBuilder().setCartId(id.toString()).addAllEvents(events).build();
        });
    }

    @Override
    public void streamEvents(dev.cartflow.service.grpc.v1.StreamEventsRequest request,
                             StreamObserver<CartEvent> answer) {
        ServerCallStreamObserver<CartEvent> stream = (ServerCallStreamObserver<CartEvent>) answer;
        try {
            CartId id = cartId(request.getCartId());
            new EventStream(stream).start(feed, actor(), id, after(request.getAfter()));
        } catch (RuntimeException e) {
            answer.onError(GrpcErrors.of(e, "StreamEvents"));
        }
    }

    @Override
    public void getCustomerCart(GetCustomerCartRequest request, StreamObserver<Cart> answer) {
        unary(answer, "GetCustomerCart", () -> {
            Actor actor = actor();
            if (request.getCustomerId().isBlank()) {
                throw CartException.invalidInput("customer_id is required");
            }
            dev.cartflow.model.Cart cart = engine.activeCart(actor, new CustomerId(request.getCustomerId()))
                    .orElseThrow(() -> new CartException(CartErrorCode.CART_NOT_FOUND,
                            "the customer has no active cart"));
            return messages.cart(engine.price(actor, cart.id()));
        });
    }

    private void change(StreamObserver<Cart> answer, String method, String cartId, Supplier<CartCommand> command,
                        Long expectedVersion, String idempotencyKey) {
        unary(answer, method, () -> {
            CartId id = cartId(cartId);
            Actor actor = actor();
            engine.execute(actor, id, command.get(), mutation(expectedVersion, idempotencyKey));
            return messages.cart(engine.price(actor, id));
        });
    }

    private static <A> void unary(StreamObserver<A> answer, String method, Supplier<A> call) {
        A reply;
        try {
            reply = call.get();
        } catch (RuntimeException e) {
            answer.onError(GrpcErrors.of(e, method));
            return;
        }
        answer.onNext(reply);
        answer.onCompleted();
    }

    private Actor actor() {
        return actors.actor(GrpcCredentials.current());
    }

    private dev.cartflow.core.merge.MergeRequest mergeRequest(String cartId, String policy) {
        CartId guestCart = cartId(cartId);
        Credentials credentials = GrpcCredentials.current();
        CustomerId customer = actors.customer(credentials)
                .orElseThrow(() -> new Unauthenticated("a merge needs the signed-in customer's bearer token"));
        if (credentials.cartToken() == null) {
            throw new Unauthenticated("a merge needs the guest cart's cart-token");
        }
        return new dev.cartflow.core.merge.MergeRequest(guestCart, credentials.cartToken(), customer, policy(policy));
    }

    private static Mutation mutation(Long expectedVersion, String idempotencyKey) {
        return new Mutation(expectedVersion, idempotencyKey.isBlank() ? null : idempotencyKey.trim(),
                GrpcCredentials.requestId());
    }

    private static CartId cartId(String id) {
        if (id.isBlank()) {
            throw CartException.invalidInput("cart_id is required");
        }
        return CartId.parse(id);
    }

    private static LineId lineId(String id) {
        if (id.isBlank()) {
            throw CartException.invalidInput("line_id is required");
        }
        return new LineId(id);
    }

    private static long after(long after) {
        if (after < 0) {
            throw CartException.invalidInput("after must be at least 0");
        }
        return after;
    }

    private static MergePolicy policy(String policy) {
        if (policy.isBlank()) {
            return MergePolicy.SUM;
        }
        try {
            return MergePolicy.valueOf(policy.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CartException.invalidInput("policy must be SUM, MAX or GUEST_WINS");
        }
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw CartException.invalidInput("currency is not an ISO 4217 code");
        }
    }
}
