package dev.cartflow.model;

import dev.cartflow.error.CartException;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Promotion}. Each setter checks its own value at once ({@code INVALID_INPUT});
 * {@link #build()} runs the record's checks. Not thread-safe; a builder may be reused, each
 * {@code build()} making an independent promotion. The default each setter names is the value of a
 * builder from {@link Promotion#builder}; one from {@link Promotion#toBuilder()} starts with the
 * promotion's own values instead.
 */
public final class PromotionBuilder {
    private final String id;
    private @Nullable String code;
    private int priority;
    private Promotion.Stacking stacking = Promotion.Stacking.STACKABLE;
    private Promotion.Basis basis = Promotion.Basis.RUNNING;
    private Promotion.Target target = Promotion.Target.all(Promotion.Scope.ITEMS);
    private Promotion.@Nullable Action action;
    private Promotion.Conditions conditions = Promotion.Conditions.NONE;
    private @Nullable Money maxDiscount;
    private long maxUses;
    private long maxUsesPerCustomer;

    PromotionBuilder(String id) {
        this.id = id;
    }

    PromotionBuilder(Promotion promotion) {
        this(promotion.id());
        code = promotion.code();
        priority = promotion.priority();
        stacking = promotion.stacking();
        basis = promotion.basis();
        target = promotion.target();
        action = promotion.action();
        conditions = promotion.conditions();
        maxDiscount = promotion.maxDiscount();
        maxUses = promotion.maxUses();
        maxUsesPerCustomer = promotion.maxUsesPerCustomer();
    }

    /**
     * Sets the coupon code that activates the promotion. Default: null, an automatic promotion.
     *
     * @param code the code, at most 64 characters, or null for an automatic promotion
     * @return this builder
     * @throws CartException {@code INVALID_INPUT} when the code is blank, longer than 64 characters, holds
     *                       control characters or is ill-formed UTF-16
     */
    public PromotionBuilder code(@Nullable String code) {
        this.code = code == null ? null : Checks.text(code, "code", 64);
        return this;
    }

    /**
     * Sets the priority; lower applies first, ties go to the lower id. Default: 0.
     *
     * @param priority any value
     * @return this builder
     */
    public PromotionBuilder priority(int priority) {
        this.priority = priority;
        return this;
    }

    /**
     * Sets how it combines with the promotions after it. Default: {@code STACKABLE}.
     *
     * @param stacking the stacking
     * @return this builder
     * @throws CartException {@code INVALID_INPUT} when null
     */
    public PromotionBuilder stacking(Promotion.Stacking stacking) {
        this.stacking = Checks.notNull(stacking, "stacking");
        return this;
    }

    /**
     * Sets what a percentage is taken of. Default: {@code RUNNING}.
     *
     * @param basis the basis
     * @return this builder
     * @throws CartException {@code INVALID_INPUT} when null
     */
    public PromotionBuilder basis(Promotion.Basis basis) {
        this.basis = Checks.notNull(basis, "basis");
        return this;
    }

    /**
     * Sets the scope and filters, replacing any {@link #scope} set before. Default: every item line,
     * {@code Target.all(ITEMS)}.
     *
     * @param target the target
     * @return this builder
     * @throws CartException {@code INVALID_INPUT} when null
     */
    public PromotionBuilder target(Promotion.Target target) {
        this.target = Checks.notNull(target, "target");
        return this;
    }

    /**
     * Targets every line of a scope, with no filter, replacing any {@link #target} set before.
     * Default: {@code ITEMS}.
     *
     * @param scope items, order or shipping
     * @return this builder
     * @throws CartException {@code INVALID_INPUT} when null
     */
    public PromotionBuilder scope(Promotion.Scope scope) {
        this.target = Promotion.Target.all(Checks.notNull(scope, "scope"));
        return this;
    }

    /**
     * Sets what the promotion gives, replacing any action set before. No default: {@link #build()}
     * fails until an action is set.
     *
     * @param action the action
     * @return this builder
     * @throws CartException {@code INVALID_INPUT} when null
     */
    public PromotionBuilder action(Promotion.Action action) {
        this.action = Checks.notNull(action, "action");
        return this;
    }

    /**
     * Gives a percentage off: sets the action to {@link Promotion.Action.Percent}.
     *
     * @param percent a percentage such as {@code "10"} or {@code "12.5"}, at most 100
     * @return this builder
     * @throws CartException {@code INVALID_INPUT} when the text is not a decimal {@link Rate#percent}
     *                       accepts or the percentage is above 100
     */
    public PromotionBuilder percentOff(String percent) {
        return action(new Promotion.Action.Percent(Rate.percent(percent)));
    }

    /**
     * Gives a fixed amount off: sets the action to {@link Promotion.Action.Amount}.
     *
     * @param amount the amount, at least zero and at most {@link Promotion#MAX_AMOUNT_MINOR} minor units
     * @param per    per unit, line or order
     * @return this builder
     * @throws CartException {@code INVALID_INPUT} when an argument is null or the amount is out of range
     */
    public PromotionBuilder amountOff(Money amount, Promotion.Per per) {
        return action(new Promotion.Action.Amount(amount, per));
    }

    /**
     * Sets when the promotion applies. Default: {@link Promotion.Conditions#NONE}.
     *
     * @param conditions the conditions
     * @return this builder
     * @throws CartException {@code INVALID_INPUT} when null
     */
    public PromotionBuilder conditions(Promotion.Conditions conditions) {
        this.conditions = Checks.notNull(conditions, "conditions");
        return this;
    }

    /**
     * Caps the promotion's total discount. Default: null, no cap.
     *
     * @param maxDiscount the cap, at least zero, or null for none
     * @return this builder
     * @throws CartException {@code INVALID_INPUT} when the cap is negative
     */
    public PromotionBuilder maxDiscount(@Nullable Money maxDiscount) {
        if (maxDiscount != null && maxDiscount.isNegative()) {
            throw CartException.invalidInput("maxDiscount must not be negative");
        }
        this.maxDiscount = maxDiscount;
        return this;
    }

    /**
     * Limits redemptions in all. Default: 0, unlimited.
     *
     * @param maxUses at least zero; 0 for unlimited
     * @return this builder
     * @throws CartException {@code INVALID_INPUT} when negative
     */
    public PromotionBuilder maxUses(long maxUses) {
        this.maxUses = nonNegative(maxUses, "maxUses");
        return this;
    }

    /**
     * Limits redemptions per customer. Default: 0, unlimited.
     *
     * @param maxUsesPerCustomer at least zero; 0 for unlimited
     * @return this builder
     * @throws CartException {@code INVALID_INPUT} when negative
     */
    public PromotionBuilder maxUsesPerCustomer(long maxUsesPerCustomer) {
        this.maxUsesPerCustomer = nonNegative(maxUsesPerCustomer, "maxUsesPerCustomer");
        return this;
    }

    /**
     * The promotion.
     *
     * @return a new promotion with the values set so far
     * @throws CartException {@code INVALID_INPUT} when no action was set or a check of the record fails
     */
    public Promotion build() {
        return new Promotion(id, code, priority, stacking, basis, target, Checks.notNull(action, "action"),
                conditions, maxDiscount, maxUses, maxUsesPerCustomer);
    }

    private static long nonNegative(long value, String name) {
        if (value < 0) {
            throw CartException.invalidInput(name + " must not be negative");
        }
        return value;
    }
}
