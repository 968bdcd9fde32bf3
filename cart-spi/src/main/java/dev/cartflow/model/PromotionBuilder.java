package dev.cartflow.model;

import dev.cartflow.error.CartException;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Promotion}. Each setter checks its own value at once ({@code INVALID_INPUT});
 * {@link #build()} runs the record's checks. Not thread-safe; a builder may be reused, each
 * {@code build()} making an independent promotion.
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
     * Sets the coupon code that activates the promotion.
     *
     * @param code the code, or null for an automatic promotion
     * @return this builder
     */
    public PromotionBuilder code(@Nullable String code) {
        this.code = code == null ? null : Checks.text(code, "code", 64);
        return this;
    }

    /**
     * Sets the priority; lower applies first, ties go to the lower id.
     *
     * @param priority any value
     * @return this builder
     */
    public PromotionBuilder priority(int priority) {
        this.priority = priority;
        return this;
    }

    /**
     * Sets how it combines with the promotions after it.
     *
     * @param stacking the stacking
     * @return this builder
     */
    public PromotionBuilder stacking(Promotion.Stacking stacking) {
        this.stacking = Checks.notNull(stacking, "stacking");
        return this;
    }

    /**
     * Sets what a percentage is taken of.
     *
     * @param basis the basis
     * @return this builder
     */
    public PromotionBuilder basis(Promotion.Basis basis) {
        this.basis = Checks.notNull(basis, "basis");
        return this;
    }

    /**
     * Sets the scope and filters.
     *
     * @param target the target
     * @return this builder
     */
    public PromotionBuilder target(Promotion.Target target) {
        this.target = Checks.notNull(target, "target");
        return this;
    }

    /**
     * Targets every line of a scope, with no filter.
     *
     * @param scope items, order or shipping
     * @return this builder
     */
    public PromotionBuilder scope(Promotion.Scope scope) {
        this.target = Promotion.Target.all(Checks.notNull(scope, "scope"));
        return this;
    }

    /**
     * Sets what the promotion gives.
     *
     * @param action the action
     * @return this builder
     */
    public PromotionBuilder action(Promotion.Action action) {
        this.action = Checks.notNull(action, "action");
        return this;
    }

    /**
     * Gives a percentage off.
     *
     * @param percent a percentage such as {@code "10"} or {@code "12.5"}, at most 100
     * @return this builder
     */
    public PromotionBuilder percentOff(String percent) {
        return action(new Promotion.Action.Percent(Rate.percent(percent)));
    }

    /**
     * Gives a fixed amount off.
     *
     * @param amount the amount, at most {@link Promotion#MAX_AMOUNT_MINOR} minor units
     * @param per    per unit, line or order
     * @return this builder
     */
    public PromotionBuilder amountOff(Money amount, Promotion.Per per) {
        return action(new Promotion.Action.Amount(amount, per));
    }

    /**
     * Sets when the promotion applies.
     *
     * @param conditions the conditions
     * @return this builder
     */
    public PromotionBuilder conditions(Promotion.Conditions conditions) {
        this.conditions = Checks.notNull(conditions, "conditions");
        return this;
    }

    /**
     * Caps the promotion's total discount.
     *
     * @param maxDiscount the cap, at least zero, or null for none
     * @return this builder
     */
    public PromotionBuilder maxDiscount(@Nullable Money maxDiscount) {
        if (maxDiscount != null && maxDiscount.isNegative()) {
            throw CartException.invalidInput("maxDiscount must not be negative");
        }
        this.maxDiscount = maxDiscount;
        return this;
    }

    /**
     * Limits redemptions in all.
     *
     * @param maxUses at least zero; 0 for unlimited
     * @return this builder
     */
    public PromotionBuilder maxUses(long maxUses) {
        this.maxUses = nonNegative(maxUses, "maxUses");
        return this;
    }

    /**
     * Limits redemptions per customer.
     *
     * @param maxUsesPerCustomer at least zero; 0 for unlimited
     * @return this builder
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
