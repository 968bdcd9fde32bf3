package dev.cartflow.core.internal.observe;

import dev.cartflow.core.health.HealthContributor;
import dev.cartflow.core.internal.snapshot.FallbackReporting;
import dev.cartflow.core.observe.CartObserver;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A timing decorator that keeps every interface of what it decorates: a store stays a
 * {@code CartStorage} or a {@code PersonalDataStore}, a resilience decorator keeps the interface
 * through which the snapshot learns that an answer came from a fallback. Hand-written decorators
 * would hide such capabilities from every {@code instanceof} check behind them; a dynamic proxy
 * over all the delegate's interfaces does not. Every interface method is timed under the
 * provider's name except the health ones (a health probe is not traffic) and {@code Object}'s.
 */
final class ObservingProxy implements InvocationHandler {
    private final Class<?> spi;
    private final Object delegate;
    private final CallTimer timer;

    private ObservingProxy(Class<?> spi, Object delegate, CallTimer timer) {
        this.spi = spi;
        this.delegate = delegate;
        this.timer = timer;
    }

    /**
     * {@code delegate} behind a timing decorator implementing all its interfaces.
     *
     * @param spi      the interface the engine uses it as
     * @param delegate the host's object
     * @param name     the provider's name for {@link CartObserver#providerCalled}
     * @param observer the guarded observer
     * @param <T>      the interface
     * @return the decorated object
     */
    static <T> T wrap(Class<T> spi, T delegate, String name, CartObserver observer) {
        return wrap(spi, delegate, new CallTimer(name, observer));
    }

    private static <T> T wrap(Class<T> spi, T delegate, CallTimer timer) {
        ObservingProxy handler = new ObservingProxy(spi, delegate, timer);
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        interfaces.add(spi);
        collect(delegate.getClass(), interfaces);
        try {
            return spi.cast(Proxy.newProxyInstance(delegate.getClass().getClassLoader(),
                    interfaces.toArray(Class<?>[]::new), handler));
        } catch (IllegalArgumentException | SecurityException e) {
            // Interfaces a proxy cannot implement together (package-private ones of two packages):
            // keep the one the engine needs.
            return spi.cast(Proxy.newProxyInstance(spi.getClassLoader(), new Class<?>[] {spi}, handler));
        }
    }

    private static void collect(Class<?> type, Set<Class<?>> into) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (into.add(i)) {
                    collect(i, into);
                }
            }
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "observed " + delegate;
            };
        }
        if (method.getDeclaringClass() == HealthContributor.class) {
            return call(method, args);
        }
        if (method.getDeclaringClass() == FallbackReporting.class) {
            // The snapshot calls the provider through this per-attempt view: time the view's calls too.
            Object view = call(method, args);
            return spi.isInstance(view) ? wrapView(view) : view;
        }
        return timer.call(() -> call(method, args));
    }

    private Object wrapView(Object view) {
        @SuppressWarnings("unchecked")
        Class<Object> type = (Class<Object>) spi;
        return wrap(type, view, timer);
    }

    /** The delegate's method; what it throws is thrown unchanged, as if there were no decorator. */
    private Object call(Method method, Object[] args) {
        if (!java.lang.reflect.Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            method.trySetAccessible(); // an engine-internal capability interface
        }
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            Throwable thrown = e.getCause();
            if (thrown instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
            throw new UndeclaredThrowableException(thrown);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method.getName() + " through the observer", e);
        }
    }
}
