/**
 * The observability plumbing of the engine (not API): the guarded observer, the timing decorators
 * around every provider and the repository, the operation log lines, business events derived from
 * stored changes, swallowed-failure reports and the health report.
 */
@NullMarked
package dev.cartflow.core.internal.observe;

import org.jspecify.annotations.NullMarked;
