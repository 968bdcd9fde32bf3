package dev.cartflow.core;

import dev.cartflow.core.CartCommand.ApplyCode;
import dev.cartflow.core.CartCommand.Bulk;
import dev.cartflow.core.CartCommand.ChangeCountry;
import dev.cartflow.core.CartCommand.Clear;
import dev.cartflow.core.CartCommand.LineCommand;
import dev.cartflow.core.CartCommand.RemoveCode;
import dev.cartflow.core.CartCommand.SelectShipping;
import dev.cartflow.core.CartCommand.SetMetadata;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.merge.MergeResult;
import dev.cartflow.core.internal.pricing.PricingInput;
import dev.cartflow.model.PromotionExplanation;
import dev.cartflow.model.PromotionResult;
import dev.cartflow.spi.StockKey;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import dev.cartflow.spi.PromotionUsageStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

final class DefaultCartEngine implements CartEngine {
    private final CartEngineBuilder config;
    private final PromotionUsageStore usage;
    private final Providers providers;
    private final LineChanges lineChanges;
    private final Merging merging;
    private final ReentrantLock[] checkoutLocks = new ReentrantLock[256];
    private final GuestTokens tokens;

    DefaultCartEngine(CartEngineBuilder builder, PromotionUsageStore usage) {
        this.config = copy(builder);
        this.usage = usage;
        this.providers = new Providers(config);
        this.lineChanges = new LineChanges(providers, config.limits);
        this.merging = new Merging(providers, config.limits);
        for (int i = 0; i < checkoutLocks.length; i++) {
            checkoutLocks[i] = new ReentrantLock();
        }
        this.tokens = new GuestTokens(config.random);
    }

    @Override
    public CreatedCart createGuestCart(NewCart spec) {
        requireArg(spec, "cart spec");
        String token = tokens.newToken();
        Cart cart = newCart(new CartOwner.Guest(GuestTokens.hash(token)), spec, config.guestTtl);
        store(cart, 0, List.of(PendingEvent.of(CartEvent.Type.CREATED, "owner", "guest")), null);
        return new CreatedCart(cart, token);
    }

    @Override
    public Cart createCustomerCart(Actor actor, CustomerId customerId, NewCart spec) {
        requireArg(actor, "actor");
        requireArg(customerId, "customer id");
        requireArg(spec, "cart spec");
        authorizeCustomer(actor, customerId);
        Cart cart = newCart(new CartOwner.Customer(customerId), spec, config.customerTtl);
        store(cart, 0, List.of(PendingEvent.of(CartEvent.Type.CREATED, "owner", "customer")), null);
        return cart;
    }

    @Override
    public Cart get(Actor actor, CartId id) {
        return guarded(() -> present(load(actor, id), now()));
    }

    @Override
    public Optional<Cart> activeCart(Actor actor, CustomerId customerId) {
        requireArg(actor, "actor");
        requireArg(customerId, "customer id");
        authorizeCustomer(actor, customerId);
        Instant now = now();
        return Providers.call("repository", () -> config.repository.findActiveByCustomer(customerId))
                .map(c -> present(c, now))
                .filter(c -> c.state() == CartState.ACTIVE);
    }

    @Override
    public List<CartEvent> changesSince(Actor actor, CartId id, long afterVersion) {
        load(actor, id);
        return Providers.call("repository", () -> eventLog().eventsSince(id, afterVersion));
    }

    @Override
    public PricedCart price(Actor actor, CartId id) {
        return guarded(() -> {
            Instant now = now();
            return price(present(load(actor, id), now), now);
        });
    }

    PricedCart price(Cart cart, Instant now) {
        Set<Sku> skus = new LinkedHashSet<>();
        cart.lines().forEach(l -> skus.add(l.sku()));
        Map<Sku, Product> products = providers.products(skus);
        Providers.Quotes quotes = providers.quotes(cart, skus);
        List<Promotion> promotions = providers.promotions(cart, now);
        Set<String> exhausted = promotions.isEmpty() ? Set.of()
                : Providers.call("promotion usage", () -> usage.exhausted(promotions, cart.id(),
                        cart.owner()));
        ShippingMethod method = null;
        if (cart.shippingMethod() != null) {
            long weight = Providers.weight(cart, products);
            method = providers.shippingMethods(cart, cart.country()).stream()
                    .filter(m -> m.id().equals(cart.shippingMethod()) && m.available(cart.country(), weight))
                    .findFirst().orElse(null);
        }
        PricingInput input = new PricingInput(cart, products, quotes.bySku(), promotions, exhausted, method,
                config.pricingPolicy, quotes.exchangeRate(), now);
        try {
            return config.pricer.price(input);
        } catch (CartException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CartException(CartErrorCode.INVALID_INPUT, "pricing failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Cart execute(Actor actor, CartId id, CartCommand command, Mutation mutation) {
        return guarded(() -> executeOnce(actor, id, command, mutation));
    }

    private Cart executeOnce(Actor actor, CartId id, CartCommand command, Mutation mutation) {
        requireArg(actor, "actor");
        requireArg(id, "cart id");
        requireArg(command, "command");
        requireArg(mutation, "mutation");
        String key = mutation.idempotencyKey() == null ? null : scopedKey(actor, id, mutation.idempotencyKey());
        String fingerprint = key == null ? null : fingerprint(command, mutation);
        long deadline = System.nanoTime() + config.conflictRetryBudget.toNanos();
        int attempt = 0;
        while (true) {
            Instant now = now();
            // The cart is read before the idempotency record: the record is written with the
            // change, so a cart that already holds the first call's change always finds its record.
            Cart stored = load(actor, id);
            if (key != null) {
                Optional<Cart> replay = replay(key, fingerprint, now);
                if (replay.isPresent()) {
                    return replay.get();
                }
            }
            Cart current = requireChangeable(stored, now, mutation);
            Change change = apply(stored, command, now);
            if (change == null) {
                return current;
            }
            Cart next = change.cart.toBuilder().version(stored.version() + 1).updatedAt(now).expiresAt(now.plus(ttl(stored))).abandonedAt(null).build();
            IdempotencyRecord record = key == null ? null
                    : new IdempotencyRecord(key, fingerprint, CartJson.write(next), now.plus(config.idempotencyTtl));
            try {
                store(next, stored.version(), change.events, record);
                return next;
            } catch (CartException e) {
                if (e.code() != CartErrorCode.VERSION_CONFLICT) {
                    throw e;
                }
                if (key != null) {
                    Optional<Cart> replay = replay(key, fingerprint, now);
                    if (replay.isPresent()) {
                        return replay.get();
                    }
                }
                if (mutation.expectedVersion() != null || System.nanoTime() > deadline) {
                    throw e;
                }
                backOff(++attempt);
            }
        }
    }

    private record Change(Cart cart, List<PendingEvent> events) {
    }

    // ---------------------------------------------------------------- merge

    @Override
    public MergeResult merge(Actor actor, MergeRequest request) {
        return guarded(() -> mergeOrPreview(actor, request, false));
    }

    @Override
    public MergeResult previewMerge(Actor actor, MergeRequest request) {
        return guarded(() -> mergeOrPreview(actor, request, true));
    }

    private MergeResult mergeOrPreview(Actor actor, MergeRequest request, boolean preview) {
        requireArg(actor, "actor");
        requireArg(request, "merge request");
        authorizeCustomer(actor, request.customerId());
        String key = "merge|" + request.guestCartId();
        long deadline = System.nanoTime() + config.conflictRetryBudget.toNanos();
        int attempt = 0;
        while (true) {
            Instant now = now();
            Optional<MergeResult> done = mergeReplay(key, request, now);
            if (done.isPresent()) {
                return preview ? withPreview(done.get()) : done.get();
            }
            Cart guest;
            try {
                guest = loadGuest(actor, request);
                if (present(guest, now).state() != CartState.ACTIVE) {
                    throw new CartException(CartErrorCode.CART_NOT_ACTIVE,
                            "guest cart is " + present(guest, now).state());
                }
            } catch (CartException e) {
                // A concurrent merge of the same guest cart may have finished since the first look.
                Optional<MergeResult> raced = mergeReplay(key, request, now);
                if (raced.isPresent()) {
                    return preview ? withPreview(raced.get()) : raced.get();
                }
                throw e;
            }
            Optional<Cart> target = request.targetCartId() != null ? Optional.of(loadTarget(request, now))
                    : Providers.call("repository", () -> config.repository.findActiveByCustomer(request.customerId()))
                            .filter(c -> present(c, now).state() == CartState.ACTIVE && !c.id().equals(guest.id()));
            if (target.isPresent() && !target.get().currency().equals(guest.currency())) {
                throw new CartException(CartErrorCode.CURRENCY_MISMATCH, "the carts are in "
                        + guest.currency() + " and " + target.get().currency());
            }
            List<CartWrite> writes = new ArrayList<>();
            MergeResult result;
            if (target.isEmpty()) {
                Merging.Plan plan = Merging.adopt(guest);
                Cart adopted = guest.toBuilder().owner(Merging.owner(request.customerId())).version(guest.version() + 1).updatedAt(now).expiresAt(now.plus(config.customerTtl)).abandonedAt(null).build();
                result = new MergeResult(adopted, adopted, plan.report(), plan.codes(), preview);
                writes.add(write(adopted, guest.version(), List.of(PendingEvent.of(CartEvent.Type.MERGED,
                        "from", guest.id().toString(), "into", guest.id().toString(), "policy",
                        request.policy().name())), key, key, result, now));
            } else {
                Cart customer = target.get();
                Merging.Plan plan = merging.plan(guest, customer, request.policy());
                Cart merged = customer.toBuilder().lines(plan.lines()).codes(plan.codes()).shippingMethod(plan.shippingMethod()).version(customer.version() + 1).updatedAt(now).expiresAt(now.plus(config.customerTtl)).abandonedAt(null).build();
                Cart closed = guest.toBuilder().state(CartState.MERGED).version(guest.version() + 1).updatedAt(now).build();
                result = new MergeResult(merged, closed, plan.report(), plan.codes(), preview);
                writes.add(write(closed, guest.version(), List.of(PendingEvent.of(CartEvent.Type.MERGED,
                        "into", customer.id().toString(), "policy", request.policy().name())), key, key, result, now));
                writes.add(write(merged, customer.version(), List.of(PendingEvent.of(CartEvent.Type.MERGED,
                        "from", guest.id().toString(), "policy", request.policy().name(),
                        "dropped", "" + result.dropped().size())), null, null, null, now));
            }
            if (preview) {
                return result;
            }
            try {
                Providers.run("repository", () -> config.repository.saveAll(writes));
                writes.forEach(w -> publish(w.events()));
                return result;
            } catch (CartException e) {
                if (e.code() != CartErrorCode.VERSION_CONFLICT || System.nanoTime() > deadline) {
                    throw e;
                }
                backOff(++attempt);
            }
        }
    }

    private Optional<MergeResult> mergeReplay(String key, MergeRequest request, Instant now) {
        Optional<IdempotencyRecord> record = Providers.call("repository",
                () -> config.repository.findIdempotency(key, now));
        if (record.isEmpty()) {
            return Optional.empty();
        }
        MergeResult result = Json.read(record.get().response(), MergeResult.class);
        if (!result.cart().customerId().filter(request.customerId()::equals).isPresent()) {
            throw denied();
        }
        return Optional.of(result);
    }

    /** The named customer cart: the customer's own, and active. */
    private Cart loadTarget(MergeRequest request, Instant now) {
        Cart target = load(Actor.customer(request.customerId()), request.targetCartId());
        if (target.id().equals(request.guestCartId())) {
            throw CartException.invalidInput("a cart cannot be merged into itself");
        }
        Cart current = present(target, now);
        if (current.state() != CartState.ACTIVE) {
            throw new CartException(CartErrorCode.CART_NOT_ACTIVE, "target cart is " + current.state());
        }
        return target;
    }

    private static MergeResult withPreview(MergeResult result) {
        return new MergeResult(result.cart(), result.guestCart(), result.lines(), result.codes(), true);
    }

    private Cart loadGuest(Actor actor, MergeRequest request) {
        boolean privileged = actor instanceof Actor.Support || actor instanceof Actor.Service;
        Actor guestActor = privileged || request.guestToken() == null ? actor : Actor.guest(request.guestToken());
        Cart guest = load(guestActor, request.guestCartId());
        if (!(guest.owner() instanceof CartOwner.Guest)) {
            throw privileged ? CartException.invalidInput("not a guest cart") : denied();
        }
        return guest;
    }

    private CartWrite write(Cart cart, long expectedVersion, List<PendingEvent> pending, String key,
                            String fingerprint, Object response, Instant now) {
        IdempotencyRecord record = key == null ? null
                : new IdempotencyRecord(key, fingerprint, Json.write(response), now.plus(config.customerTtl));
        return new CartWrite(cart, expectedVersion, events(cart, pending), record);
    }

    // ---------------------------------------------------------------- checkout

    @Override
    public CheckoutResult checkout(Actor actor, CartId id, Mutation mutation) {
        requireArg(id, "cart id");
        // Checkouts of one cart in this engine run one at a time: concurrent attempts share the
        // reservation id and the per-cart redemptions, so one attempt's clean-up after a failure
        // must not run while another is between reserving and storing. Across instances the
        // version guard still decides, with the window described in docs/lifecycle.md.
        ReentrantLock lock = checkoutLocks[Math.floorMod(id.value().hashCode(), checkoutLocks.length)];
        lock.lock();
        try {
            return guarded(() -> checkoutOnce(actor, id, mutation));
        } finally {
            lock.unlock();
        }
    }

    private CheckoutResult checkoutOnce(Actor actor, CartId id, Mutation mutation) {
        requireArg(actor, "actor");
        requireArg(id, "cart id");
        requireArg(mutation, "mutation");
        String key = "checkout|" + id;
        long deadline = System.nanoTime() + config.conflictRetryBudget.toNanos();
        int attempt = 0;
        while (true) {
            Instant now = now();
            Cart stored = load(actor, id);
            if (mutation.idempotencyKey() != null) {
                Optional<CheckoutResult> done = checkoutReplay(key, now, mutation.idempotencyKey());
                if (done.isPresent()) {
                    return done.get();
                }
            }
            requireChangeable(stored, now, mutation);
            if (stored.lines().isEmpty()) {
                throw CartException.invalidInput("an empty cart cannot be checked out");
            }
            lineChanges.revalidate(stored);
            PricedCart priced = price(stored, now);
            Set<String> codes = new java.util.HashSet<>();
            stored.codes().forEach(c -> codes.add(c.toLowerCase(java.util.Locale.ROOT)));
            for (PromotionExplanation p : priced.promotions()) {
                if (p.result() == PromotionResult.EXHAUSTED && p.code() != null
                        && codes.contains(p.code().toLowerCase(java.util.Locale.ROOT))) {
                    throw new CartException(CartErrorCode.PROMOTION_EXHAUSTED, "code " + p.code() + " has no uses left");
                }
            }
            if (stored.shippingMethod() != null) {
                requireShipping(stored, stored.shippingMethod(), stored.country(), productsOf(stored));
            }
            List<Promotion> given = givenPromotions(stored, priced, now);
            Set<String> spent = given.isEmpty() ? Set.of()
                    : Providers.call("promotion usage", () -> usage.redeem(given, id, stored.owner()));
            if (!spent.isEmpty()) {
                throw new CartException(CartErrorCode.PROMOTION_EXHAUSTED, "no uses left of " + spent);
            }
            String reservation = "checkout-" + id + "-" + stored.version();
            try {
                Map<StockKey, Integer> units = new java.util.LinkedHashMap<>();
                stored.lines().forEach(l -> units.merge(new StockKey(l.sku(), l.warehouse()), l.quantity(),
                        Integer::sum));
                Providers.run("inventory", () -> config.reservations.reserve(reservation, units));
                Cart frozen = stored.toBuilder().state(CartState.CHECKED_OUT).version(stored.version() + 1).updatedAt(now).build();
                PricedCart finalPrices = new PricedCart(frozen, priced.currency(), priced.lines(), priced.subtotal(),
                        priced.discount(), priced.shipping(), priced.shippingDiscount(), priced.shippingTax(),
                        priced.tax(), priced.taxes(), priced.total(), priced.net(), priced.promotions(),
                        priced.codes(), priced.priceChanges(), priced.exchangeRate(), priced.pricedAt());
                CheckoutResult result = new CheckoutResult(frozen, finalPrices, reservation,
                        given.stream().map(Promotion::id).toList());
                CartWrite w = write(frozen, stored.version(), List.of(PendingEvent.of(CartEvent.Type.CHECKED_OUT,
                        "total", priced.total().toDecimalString(), "currency",
                        priced.currency().getCurrencyCode())), key,
                        mutation.idempotencyKey() == null ? "-" : mutation.idempotencyKey(), result, now);
                Providers.run("repository", () -> config.repository.save(w));
                publish(w.events());
                return result;
            } catch (CartException e) {
                // A concurrent checkout of this cart shares the reservation id and the per-cart
                // redemptions; when it won, they are its own and must not be released.
                Optional<CheckoutResult> winner = e.code() == CartErrorCode.VERSION_CONFLICT
                        ? checkoutReplay(key, now, null) : Optional.empty();
                if (winner.isPresent() && winner.get().cart().version() == stored.version() + 1) {
                    return winner.get();
                }
                releaseQuietly(reservation, id);
                if (e.code() != CartErrorCode.VERSION_CONFLICT) {
                    throw e;
                }
                if (mutation.expectedVersion() != null || System.nanoTime() > deadline) {
                    throw e;
                }
                backOff(++attempt);
            }
        }
    }

    /**
     * The stored result of this cart's checkout: for a caller repeating its idempotency key, or
     * ({@code clientKey} null) for an attempt that lost a race with a concurrent checkout.
     */
    private Optional<CheckoutResult> checkoutReplay(String key, Instant now, String clientKey) {
        return Providers.call("repository", () -> config.repository.findIdempotency(key, now))
                .filter(r -> clientKey == null || r.fingerprint().equals(clientKey))
                .map(r -> Json.read(r.response(), CheckoutResult.class));
    }

    /** The promotions that gave a discount and have use limits, so their redemption is counted. */
    private List<Promotion> givenPromotions(Cart cart, PricedCart priced, Instant now) {
        Set<String> gave = new java.util.HashSet<>();
        for (PromotionExplanation p : priced.promotions()) {
            if ((p.result() == PromotionResult.APPLIED || p.result() == PromotionResult.CAPPED)
                    && p.amount().minor() > 0) {
                gave.add(p.promotionId());
            }
        }
        return providers.promotions(cart, now).stream()
                .filter(p -> gave.contains(p.id()) && (p.maxUses() > 0 || p.maxUsesPerCustomer() > 0))
                .toList();
    }

    private void releaseQuietly(String reservation, CartId id) {
        try {
            config.reservations.release(reservation);
        } catch (RuntimeException ignored) {
            // The reservation expires on the host's side; the checkout error matters more.
        }
        try {
            usage.release(id);
        } catch (RuntimeException ignored) {
            // As above: the redemption store's failure must not hide the checkout error.
        }
    }

    // ---------------------------------------------------------------- maintenance

    @Override
    public int purgeExpired(Duration retention, int batchSize) {
        return guarded(() -> {
            if (retention == null || retention.isNegative() || batchSize < 1) {
                throw CartException.invalidInput("a non-negative retention and a positive batch size are required");
            }
            Instant now = now();
            List<Cart> carts = Providers.call("repository",
                    () -> maintenanceStore().findExpiringBefore(now.minus(retention), batchSize));
            int deleted = 0;
            for (Cart cart : carts) {
                if (cart.state() == CartState.ACTIVE) {
                    publish(List.of(new CartEvent(cart.id(), cart.version() + 1, 0, CartEvent.Type.EXPIRED, now,
                            Map.of("expiredAt", cart.expiresAt().toString()))));
                }
                if (Providers.call("repository", () -> maintenanceStore().delete(cart.id()))) {
                    deleted++;
                }
            }
            return deleted;
        });
    }

    @Override
    public int markAbandoned(Duration inactivity, int batchSize) {
        return guarded(() -> {
            if (inactivity == null || inactivity.isNegative() || inactivity.isZero() || batchSize < 1) {
                throw CartException.invalidInput("a positive inactivity and batch size are required");
            }
            Instant now = now();
            List<Cart> carts = Providers.call("repository",
                    () -> maintenanceStore().findInactiveSince(now.minus(inactivity), batchSize));
            int marked = 0;
            for (Cart cart : carts) {
                if (present(cart, now).state() != CartState.ACTIVE) {
                    continue;
                }
                Cart next = cart.toBuilder().abandonedAt(now).version(cart.version() + 1).build();
                try {
                    store(next, cart.version(), List.of(PendingEvent.of(CartEvent.Type.ABANDONED,
                            "lines", "" + cart.lines().size(), "idleSince", cart.updatedAt().toString())), null);
                    marked++;
                } catch (CartException e) {
                    if (e.code() != CartErrorCode.VERSION_CONFLICT) {
                        throw e;
                    }
                }
            }
            return marked;
        });
    }

    private <T> T guarded(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (CartException e) {
            throw e;
        } catch (ArithmeticException e) {
            throw new CartException(CartErrorCode.INVALID_INPUT, "amount or quantity overflow", e);
        } catch (RuntimeException e) {
            throw new CartException(CartErrorCode.INVALID_INPUT, "rejected: " + e, e);
        }
    }

    private Change apply(Cart cart, CartCommand command, Instant now) {
        if (command instanceof LineCommand line) {
            return lines(cart, List.of(line), now);
        } else if (command instanceof Bulk bulk) {
            return lines(cart, bulk.changes(), now);
        } else if (command instanceof Clear) {
            if (cart.lines().isEmpty() && cart.codes().isEmpty()) {
                return null;
            }
            return new Change(cart.toBuilder().lines(List.of()).codes(List.of()).build(), List.of(PendingEvent.of(CartEvent.Type.CLEARED, "lines", "" + cart.lines().size())));
        } else if (command instanceof ApplyCode apply) {
            return applyCode(cart, apply.code());
        } else if (command instanceof RemoveCode remove) {
            Optional<String> present = cart.codes().stream().filter(c -> c.equalsIgnoreCase(remove.code())).findFirst();
            if (present.isEmpty()) {
                return null;
            }
            return new Change(cart.toBuilder().codes(cart.codes().stream().filter(c -> !c.equals(present.get())).toList()).build(), List.of(PendingEvent.of(CartEvent.Type.CODE_REMOVED, "code", present.get())));
        } else if (command instanceof SelectShipping select) {
            return selectShipping(cart, select.methodId());
        } else if (command instanceof ChangeCountry change) {
            return changeCountry(cart, change.country());
        } else if (command instanceof SetMetadata metadata) {
            String normalized = CartJson.normalizeMetadata(metadata.json(), config.maxMetadataBytes);
            if (normalized.equals(cart.metadata())) {
                return null;
            }
            return new Change(cart.toBuilder().metadata(normalized).build(), List.of(PendingEvent.of(CartEvent.Type.METADATA_CHANGED)));
        }
        throw CartException.invalidInput("unsupported command " + command.getClass().getSimpleName());
    }

    private Change lines(Cart cart, List<LineCommand> commands, Instant now) {
        LineChanges.Result result = lineChanges.apply(cart, commands, now);
        if (result.events().isEmpty()) {
            return null;
        }
        return new Change(cart.toBuilder().lines(result.lines()).build(), result.events());
    }

    private Change applyCode(Cart cart, String code) {
        List<Promotion> found = providers.byCode(code, cart.currency());
        if (found.isEmpty()) {
            throw new CartException(CartErrorCode.PROMOTION_NOT_FOUND, "unknown code");
        }
        String canonical = found.get(0).code() != null ? found.get(0).code() : code;
        if (cart.codes().stream().anyMatch(c -> c.equalsIgnoreCase(canonical))) {
            return null;
        }
        return new Change(cart.toBuilder().codes(appended(cart.codes(), canonical)).build(), List.of(PendingEvent.of(CartEvent.Type.CODE_APPLIED, "code", canonical)));
    }

    private static List<String> appended(List<String> codes, String code) {
        List<String> next = new ArrayList<>(codes);
        next.add(code);
        return next;
    }

    private Change selectShipping(Cart cart, String methodId) {
        if (methodId == null) {
            if (cart.shippingMethod() == null) {
                return null;
            }
            return new Change(cart.toBuilder().shippingMethod(null).build(), List.of(PendingEvent.of(CartEvent.Type.SHIPPING_SELECTED, "method", "")));
        }
        requireShipping(cart, methodId, cart.country(), productsOf(cart));
        if (methodId.equals(cart.shippingMethod())) {
            return null;
        }
        return new Change(cart.toBuilder().shippingMethod(methodId).build(), List.of(PendingEvent.of(CartEvent.Type.SHIPPING_SELECTED, "method", methodId)));
    }

    private Change changeCountry(Cart cart, String country) {
        if (country.equals(cart.country())) {
            return null;
        }
        Map<Sku, Product> products = productsOf(cart);
        for (LineItem line : cart.lines()) {
            Product product = products.get(line.sku());
            if (product != null && !product.sellableIn(country)) {
                throw new CartException(CartErrorCode.COUNTRY_RESTRICTED, line.sku() + " is not sold in " + country);
            }
        }
        if (cart.shippingMethod() != null) {
            requireShipping(cart, cart.shippingMethod(), country, products);
        }
        return new Change(cart.toBuilder().country(country).build(), List.of(PendingEvent.of(CartEvent.Type.COUNTRY_CHANGED, "from", cart.country(), "to", country)));
    }

    private void requireShipping(Cart cart, String methodId, String country, Map<Sku, Product> products) {
        long weight = Providers.weight(cart, products);
        boolean available = providers.shippingMethods(cart, country).stream()
                .anyMatch(m -> m.id().equals(methodId) && m.available(country, weight));
        if (!available) {
            throw new CartException(CartErrorCode.SHIPPING_NOT_AVAILABLE,
                    "shipping method " + methodId + " does not ship this cart to " + country);
        }
    }

    private Map<Sku, Product> productsOf(Cart cart) {
        Set<Sku> skus = new LinkedHashSet<>();
        cart.lines().forEach(l -> skus.add(l.sku()));
        return providers.products(skus);
    }

    private Optional<Cart> replay(String key, String fingerprint, Instant now) {
        Optional<IdempotencyRecord> found = Providers.call("repository",
                () -> config.repository.findIdempotency(key, now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (!found.get().fingerprint().equals(fingerprint)) {
            throw CartException.invalidInput("idempotency key reused for a different request");
        }
        return Optional.of(CartJson.read(found.get().response()));
    }

    private Cart load(Actor actor, CartId id) {
        requireArg(actor, "actor");
        requireArg(id, "cart id");
        Optional<Cart> found = Providers.call("repository", () -> config.repository.find(id));
        boolean privileged = actor instanceof Actor.Support || actor instanceof Actor.Service;
        if (found.isEmpty()) {
            throw privileged ? new CartException(CartErrorCode.CART_NOT_FOUND, "no cart " + id) : denied();
        }
        Cart cart = found.get();
        if (privileged) {
            return cart;
        }
        if (actor instanceof Actor.Guest guest && cart.owner() instanceof CartOwner.Guest owner
                && GuestTokens.matches(guest.token(), owner.tokenHash())) {
            return cart;
        }
        if (actor instanceof Actor.Customer customer && cart.owner() instanceof CartOwner.Customer owner
                && owner.customerId().equals(customer.customerId())) {
            return cart;
        }
        throw denied();
    }

    private static void authorizeCustomer(Actor actor, CustomerId customerId) {
        boolean allowed = actor instanceof Actor.Support || actor instanceof Actor.Service
                || actor instanceof Actor.Customer c && c.customerId().equals(customerId);
        if (!allowed) {
            throw denied();
        }
    }

    private static CartException denied() {
        return new CartException(CartErrorCode.ACCESS_DENIED, "not allowed");
    }

    /** The cart as read now, if it is active and at the expected version; the errors in precedence order. */
    private static Cart requireChangeable(Cart stored, Instant now, Mutation mutation) {
        Cart current = present(stored, now);
        if (current.state() != CartState.ACTIVE) {
            throw new CartException(CartErrorCode.CART_NOT_ACTIVE, "cart is " + current.state());
        }
        if (mutation.expectedVersion() != null && mutation.expectedVersion() != stored.version()) {
            throw CartException.versionConflict(stored.version(),
                    "cart is at version " + stored.version() + ", not " + mutation.expectedVersion());
        }
        return current;
    }

    /** An active cart past its expiry reads as expired. */
    private static Cart present(Cart cart, Instant now) {
        if (cart.state() == CartState.ACTIVE && now.isAfter(cart.expiresAt())) {
            return cart.toBuilder().state(CartState.EXPIRED).build();
        }
        return cart;
    }

    private Cart newCart(CartOwner owner, NewCart spec, Duration ttl) {
        Instant now = now();
        return new Cart(CartId.random(), owner, spec.customerGroup(), spec.currency(), spec.country(),
                CartState.ACTIVE, 1, List.of(), List.of(), null, "{}", now, now, now.plus(ttl), null);
    }

    private Duration ttl(Cart cart) {
        return cart.owner() instanceof CartOwner.Guest ? config.guestTtl : config.customerTtl;
    }

    private static List<CartEvent> events(Cart cart, List<PendingEvent> pending) {
        List<CartEvent> events = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            events.add(new CartEvent(cart.id(), cart.version(), i, pending.get(i).type(), cart.updatedAt(),
                    pending.get(i).data()));
        }
        return events;
    }

    private void store(Cart cart, long expectedVersion, List<PendingEvent> pending, IdempotencyRecord record) {
        List<CartEvent> events = events(cart, pending);
        Providers.run("repository", () -> config.repository.save(new CartWrite(cart, expectedVersion, events, record)));
        publish(events);
    }

    private void publish(List<CartEvent> events) {
        try {
            config.events.publish(events);
        } catch (RuntimeException e) {
            // The change is stored; delivery is the outbox's job where at-least-once matters.
        }
    }

    private static String scopedKey(Actor actor, CartId id, String key) {
        return id + "|" + actor.getClass().getSimpleName() + "|" + key;
    }

    private static String fingerprint(CartCommand command, Mutation mutation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((command + "|" + mutation.expectedVersion()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void backOff(int attempt) {
        long maxMicros = Math.min(2_000, 10L << Math.min(attempt, 8));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1, maxMicros) * 1_000);
    }

    private dev.cartflow.spi.CartEventLog eventLog() {
        if (config.eventLog == null) {
            throw new CartException(CartErrorCode.INTERNAL, "no CartEventLog is wired into this engine", null);
        }
        return config.eventLog;
    }

    private dev.cartflow.spi.CartMaintenanceStore maintenanceStore() {
        if (config.maintenanceStore == null) {
            throw new CartException(CartErrorCode.INTERNAL, "no CartMaintenanceStore is wired into this engine", null);
        }
        return config.maintenanceStore;
    }

    private Instant now() {
        return config.clock.instant();
    }

    private static void requireArg(Object value, String name) {
        if (value == null) {
            throw CartException.invalidInput(name + " must not be null");
        }
    }

    private static CartEngineBuilder copy(CartEngineBuilder b) {
        CartEngineBuilder c = new CartEngineBuilder();
        c.repository = b.repository;
        c.catalog = b.catalog;
        c.pricing = b.pricing;
        c.tax = b.tax;
        c.exchangeRates = b.exchangeRates;
        c.inventory = b.inventory;
        c.reservations = b.reservations;
        c.eventLog = b.eventLog;
        c.maintenanceStore = b.maintenanceStore;
        c.promotions = b.promotions;
        c.promotionUsage = b.promotionUsage;
        c.shipping = b.shipping;
        c.events = b.events;
        c.clock = b.clock;
        c.pricingPolicy = b.pricingPolicy;
        c.pricer = b.pricer;
        c.limits = b.limits;
        c.guestTtl = b.guestTtl;
        c.customerTtl = b.customerTtl;
        c.idempotencyTtl = b.idempotencyTtl;
        c.conflictRetryBudget = b.conflictRetryBudget;
        c.maxMetadataBytes = b.maxMetadataBytes;
        c.random = b.random;
        return c;
    }
}
