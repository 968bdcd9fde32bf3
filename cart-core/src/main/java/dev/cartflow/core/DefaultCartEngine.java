package dev.cartflow.core;

import dev.cartflow.core.internal.checkout.CheckoutOperation;
import dev.cartflow.core.internal.freeze.FreezeOperation;
import dev.cartflow.core.internal.recovery.RecoveryOperation;
import dev.cartflow.core.internal.recovery.RecoveryTokens;
import dev.cartflow.core.health.HealthReport;
import dev.cartflow.core.internal.maintenance.MaintenanceJobs;
import dev.cartflow.core.internal.observe.EngineHealth;
import dev.cartflow.core.internal.merge.MergeOperation;
import dev.cartflow.core.internal.pipeline.Creation;
import dev.cartflow.core.internal.pipeline.EngineConfig;
import dev.cartflow.core.internal.pipeline.Entry;
import dev.cartflow.core.internal.pipeline.Operations;
import dev.cartflow.core.internal.pipeline.Execution;
import dev.cartflow.core.internal.pipeline.Reading;
import dev.cartflow.core.internal.pipeline.Stages;
import dev.cartflow.core.internal.privacy.DataProtection;
import dev.cartflow.core.internal.sharing.Sharing;
import dev.cartflow.model.Participant;
import java.time.Duration;
import dev.cartflow.core.privacy.CustomerData;
import dev.cartflow.core.internal.pipeline.Throttle;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.merge.MergeResult;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.PricedCart;
import java.util.List;
import java.util.Optional;

import static dev.cartflow.core.internal.support.Failures.required;

/**
 * The engine facade: composes the stages of the pipeline (access, snapshot, rules, commit,
 * publish) into the operations; each enters through {@link Entry}, which observes it and maps every
 * failure honestly. No rule lives here.
 */
final class DefaultCartEngine implements CartEngine {
    private final EngineConfig config;
    private final Entry entry;
    private final Creation creation;
    private final Reading reading;
    private final Execution execution;
    private final MergeOperation merging;
    private final CheckoutOperation checkout;
    private final MaintenanceJobs maintenance;
    private final DataProtection dataProtection;
    private final Throttle throttle;
    private final EngineHealth health;
    private final dev.cartflow.core.internal.carts.NamedCarts namedCarts;
    private final dev.cartflow.core.internal.carts.LineMoves lineMoves;

    DefaultCartEngine(EngineConfig config) {
        this.config = config;
        Stages stages = Stages.of(config);
        this.entry = stages.entry();
        this.creation = new Creation(stages);
        this.reading = new Reading(stages);
        this.execution = new Execution(stages);
        this.merging = new MergeOperation(stages);
        this.sharing = new Sharing(stages, config.sharing());
        this.checkout = new CheckoutOperation(stages);
        this.maintenance = new MaintenanceJobs(stages);
        this.dataProtection = new DataProtection(config, entry);
        this.throttle = new Throttle(config);
        this.health = new EngineHealth(config.healthContributors());
        this.namedCarts = new dev.cartflow.core.internal.carts.NamedCarts(stages);
        this.lineMoves = new dev.cartflow.core.internal.carts.LineMoves(stages);
        // recovery and freezing
        this.recovery = new RecoveryOperation(stages, merging);
        this.freezing = new FreezeOperation(stages);
    }

    @Override
    public CreatedCart createGuestCart(NewCart spec) {
        return entry.run(CartOperation.CREATE_GUEST_CART, () -> {
            throttle.admitGuestCart(spec);
            return creation.guest(spec);
        });
    }

    @Override
    public Cart createCustomerCart(Actor actor, CustomerId customerId, NewCart spec) {
        return entry.run(CartOperation.CREATE_CUSTOMER_CART, () -> {
            required(actor, "actor");
            required(customerId, "customer id");
            required(spec, "cart spec");
            throttle.admit(CartOperation.CREATE_CUSTOMER_CART, actor);
            return creation.customer(actor, customerId, spec);
        });
    }

    @Override
    public Cart get(Actor actor, CartId id) {
        return entry.run(CartOperation.GET, id, null, () -> {
            throttle.admit(CartOperation.GET, actor, id);
            return reading.get(actor, id);
        });
    }

    @Override
    public Optional<Cart> activeCart(Actor actor, CustomerId customerId) {
        return entry.run(CartOperation.ACTIVE_CART, () -> {
            required(actor, "actor");
            required(customerId, "customer id");
            throttle.admit(CartOperation.ACTIVE_CART, actor);
            return reading.activeCart(actor, customerId);
        });
    }

    @Override
    public List<CartEvent> changesSince(Actor actor, CartId id, long afterVersion) {
        return entry.run(CartOperation.CHANGES_SINCE, id, null, () -> {
            throttle.admit(CartOperation.CHANGES_SINCE, actor, id);
            return reading.changesSince(actor, id, afterVersion);
        });
    }

    @Override
    public PricedCart price(Actor actor, CartId id) {
        return entry.run(CartOperation.PRICE, id, null, () -> {
            throttle.admit(CartOperation.PRICE, actor, id);
            return reading.price(actor, id);
        });
    }

    @Override
    public Cart execute(Actor actor, CartId id, CartCommand command, Mutation mutation) {
        return entry.run(Operations.of(command), id, mutation, () -> {
            required(actor, "actor");
            required(id, "cart id");
            required(command, "command");
            required(mutation, "mutation");
            CartCommand normalized = CommandInput.normalized(command, config.maxMetadataBytes());
            throttle.admit(Operations.of(command), actor, id);
            return execution.execute(actor, id, normalized, command, mutation);
        });
    }

    @Override
    public MergeResult merge(Actor actor, MergeRequest request) {
        return entry.run(CartOperation.MERGE, guestCart(request), null, () -> {
            throttle.admitMerge(CartOperation.MERGE, actor, request);
            return merging.merge(actor, request, false);
        });
    }

    @Override
    public MergeResult previewMerge(Actor actor, MergeRequest request) {
        return entry.run(CartOperation.PREVIEW_MERGE, guestCart(request), null, () -> {
            throttle.admitMerge(CartOperation.PREVIEW_MERGE, actor, request);
            return merging.merge(actor, request, true);
        });
    }

    @Override
    public CheckoutResult checkout(Actor actor, CartId id, Mutation mutation) {
        return entry.run(CartOperation.CHECKOUT, id, mutation, () -> {
            required(actor, "actor");
            required(id, "cart id");
            required(mutation, "mutation");
            throttle.admit(CartOperation.CHECKOUT, actor, id);
            return checkout.checkout(actor, id, mutation);
        });
    }

    @Override
    public CustomerData dataProtection() {
        return dataProtection;
    }

    @Override
    public CartMaintenance maintenance() {
        return maintenance;
    }

    @Override
    public HealthReport health() {
        return health.report();
    }

    /** The guest cart a merge is about, for the log line (null when the request is missing). */
    private static CartId guestCart(MergeRequest request) {
        return request == null ? null : request.guestCartId();
    }

    // --- addresses and the customer ---

    // --- several carts ---

    @Override
    public Cart createNamedCart(Actor actor, CustomerId customerId, dev.cartflow.model.CartKind kind, String name,
                                NewCart spec) {
        return entry.run(CartOperation.CREATE_NAMED_CART, () -> {
            required(actor, "actor");
            required(customerId, "customer id");
            required(spec, "cart spec");
            String named = named(kind, name);
            throttle.admit(CartOperation.CREATE_NAMED_CART, actor);
            return namedCarts.create(actor, customerId, kind, named, spec);
        });
    }

    @Override
    public Optional<Cart> namedCart(Actor actor, CustomerId customerId, dev.cartflow.model.CartKind kind,
                                    String name) {
        return entry.run(CartOperation.CUSTOMER_CARTS, () -> {
            required(actor, "actor");
            required(customerId, "customer id");
            String named = named(kind, name);
            throttle.admit(CartOperation.CUSTOMER_CARTS, actor);
            return namedCarts.find(actor, customerId, kind, named);
        });
    }

    @Override
    public List<Cart> customerCarts(Actor actor, CustomerId customerId) {
        return entry.run(CartOperation.CUSTOMER_CARTS, () -> {
            required(actor, "actor");
            required(customerId, "customer id");
            throttle.admit(CartOperation.CUSTOMER_CARTS, actor);
            return namedCarts.list(actor, customerId);
        });
    }

    @Override
    public LineMoveResult moveLine(Actor actor, LineMove move, Mutation mutation) {
        return entry.run(CartOperation.MOVE_LINE, move == null ? null : move.from(), mutation, () -> {
            required(actor, "actor");
            required(move, "move");
            required(mutation, "mutation");
            throttle.admit(CartOperation.MOVE_LINE, actor, move.from());
            return lineMoves.move(actor, move, mutation);
        });
    }

    /** A named cart's kind and name, checked before anything is read. */
    private static String named(dev.cartflow.model.CartKind kind, String name) {
        if (required(kind, "cart kind") == dev.cartflow.model.CartKind.SHOPPING) {
            throw dev.cartflow.error.CartException.invalidInput("a shopping cart has no name: use createCustomerCart");
        }
        return Shapes.text(name, "cart name", 128);
    }

    // --- shared carts ---
    private final Sharing sharing;

    @Override
    public Invitation invite(Actor actor, CartId id, Participant.Role role, boolean mayCheckout, Duration ttl,
                             Mutation mutation) {
        return entry.run(CartOperation.INVITE_PARTICIPANT, id, mutation, () -> {
            sharing.checkInvite(actor, id, role, mayCheckout, ttl, mutation);
            throttle.admit(CartOperation.INVITE_PARTICIPANT, actor, id);
            return sharing.invite(actor, id, role, mayCheckout, ttl, mutation);
        });
    }

    @Override
    public Cart removeParticipant(Actor actor, CartId id, String participantId) {
        return entry.run(CartOperation.REMOVE_PARTICIPANT, id, null, () -> {
            sharing.checkRemove(actor, id, participantId);
            throttle.admit(CartOperation.REMOVE_PARTICIPANT, actor, id);
            return sharing.remove(actor, id, participantId);
        });
    }

    // --- recovery and freezing ---

    private final RecoveryOperation recovery;
    private final FreezeOperation freezing;

    @Override
    public RecoveryLink issueRecovery(Actor actor, CartId id) {
        return entry.run(CartOperation.ISSUE_RECOVERY, id, null, () -> {
            throttle.admit(CartOperation.ISSUE_RECOVERY, actor, id);
            return recovery.issue(actor, id);
        });
    }

    @Override
    public RecoveredCart recover(String recoveryToken) {
        return entry.run(CartOperation.REDEEM_RECOVERY, () -> {
            RecoveryTokens.parse(recoveryToken).ifPresent(p -> throttle.admitCart(CartOperation.REDEEM_RECOVERY,
                    p.cartId()));
            return recovery.redeem(recoveryToken);
        });
    }

    @Override
    public RecoveredCart recover(Actor actor, String recoveryToken, dev.cartflow.core.merge.MergePolicy policy) {
        return entry.run(CartOperation.REDEEM_RECOVERY, () -> {
            required(actor, "actor");
            RecoveryTokens.parse(recoveryToken);
            throttle.admit(CartOperation.REDEEM_RECOVERY, actor);
            return recovery.redeem(actor, recoveryToken, policy);
        });
    }

    @Override
    public Cart freeze(Actor actor, CartId id, java.time.Duration duration, Mutation mutation) {
        return entry.run(CartOperation.FREEZE, id, mutation, () -> {
            required(actor, "actor");
            required(id, "cart id");
            required(mutation, "mutation");
            java.time.Duration lasting = freezing.duration(duration);
            throttle.admit(CartOperation.FREEZE, actor, id);
            return freezing.freeze(actor, id, lasting, mutation);
        });
    }

    @Override
    public Cart unfreeze(Actor actor, CartId id, Mutation mutation) {
        return entry.run(CartOperation.UNFREEZE, id, mutation, () -> {
            required(actor, "actor");
            required(id, "cart id");
            required(mutation, "mutation");
            throttle.admit(CartOperation.UNFREEZE, actor, id);
            return freezing.unfreeze(actor, id, mutation);
        });
    }

}
