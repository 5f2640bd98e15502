package dev.apigw.lambda.java;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.apigw.lambda.HandlerLoadException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceConfigurationError;

/**
 * Resolves a handler string to a {@link HandlerCall} the way the Java runtime's {@code AWSLambda.findRequestHandler}
 * and {@code EventHandlerLoader} do: load and initialize the class, pick the handler shape, create the instance once,
 * build the serializers once. Every failure is a {@link HandlerLoadException} whose message names the function and
 * the fix.
 */
final class HandlerLoader {

    private final FunctionSettings settings;
    private final ClassLoader loader;

    private HandlerLoader(FunctionSettings settings, ClassLoader loader) {
        this.settings = settings;
        this.loader = loader;
    }

    static Resolved load(FunctionSettings settings, ClassLoader loader) {
        return new HandlerLoader(settings, loader).load();
    }

    /** A resolved handler and the class that implements it. */
    record Resolved(Class<?> handlerClass, HandlerCall call) {}

    private Resolved load() {
        HandlerReference reference = reference();
        Class<?> handlerClass = loadClass(reference.className());
        if (!Modifier.isPublic(handlerClass.getModifiers())) {
            throw failure(handlerClass, "is not public; make it public so that AWS Lambda can call it");
        }
        HandlerCalls calls = new HandlerCalls(settings.name(), handlerClass, serializers());
        if (!reference.methodGiven()) {
            if (RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
                RequestStreamHandler instance = (RequestStreamHandler) newInstance(handlerClass);
                return new Resolved(handlerClass, calls.streamHandler(instance));
            }
            if (RequestHandler.class.isAssignableFrom(handlerClass)) {
                Type[] types = requestHandlerTypes(handlerClass);
                RequestHandler<?, ?> instance = (RequestHandler<?, ?>) newInstance(handlerClass);
                return new Resolved(handlerClass, calls.requestHandler(instance, types[0], types[1]));
            }
            throw failure(handlerClass, "implements neither RequestHandler nor RequestStreamHandler; implement one of "
                    + "them or name the method to call (" + reference.className() + "::method)");
        }
        HandlerMethod method = HandlerMethod.select(handlerClass, reference.methodName())
                .orElseThrow(() -> failure(handlerClass, "has no public method " + reference.methodName()
                        + " taking (event), (event, Context), (InputStream, OutputStream) or (InputStream, "
                        + "OutputStream, Context); check the method name in the handler (pkg.Class::method)"));
        Object instance = Modifier.isStatic(method.method().getModifiers()) ? null : newInstance(handlerClass);
        return new Resolved(handlerClass, calls.method(method, instance));
    }

    private HandlerReference reference() {
        String handler = settings.handler();
        if (handler == null) {
            throw new HandlerLoadException(
                    "function " + settings.name() + " has no handler; set it as pkg.Class::method or pkg.Class");
        }
        try {
            return HandlerReference.parse(handler);
        } catch (IllegalArgumentException e) {
            throw new HandlerLoadException("function " + settings.name() + ": " + e.getMessage(), e);
        }
    }

    private Class<?> loadClass(String className) {
        String subject = "handler class " + className + " for function " + settings.name();
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new HandlerLoadException(subject + " was not found " + where()
                    + "; check --classpath and the handler name (pkg.Class::method)", e);
        } catch (ExceptionInInitializerError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new HandlerLoadException(subject + " failed in its static initializer with " + describe(cause)
                    + "; fix the static initializer (the cause is attached)", cause);
        } catch (NoClassDefFoundError e) {
            throw new HandlerLoadException(subject + " needs class " + String.valueOf(e.getMessage()).replace('/', '.')
                    + ", which is not " + where() + "; add the jar that contains it to --classpath", e);
        } catch (UnsupportedClassVersionError e) {
            throw new HandlerLoadException(subject + " was compiled for a newer Java than the one running apigw ("
                    + Runtime.version().feature() + "); run apigw on the function's Java version", e);
        } catch (LinkageError e) {
            throw new HandlerLoadException(subject + " could not be linked (" + describe(e)
                    + "); rebuild the function against the libraries on its classpath", e);
        }
    }

    private Object newInstance(Class<?> handlerClass) {
        Constructor<?> constructor;
        try {
            constructor = handlerClass.getConstructor();
        } catch (NoSuchMethodException e) {
            if (handlerClass.getEnclosingClass() != null && !Modifier.isStatic(handlerClass.getModifiers())) {
                throw failure(handlerClass, "is a non-static inner class; make it static so that AWS Lambda can "
                        + "create it");
            }
            throw failure(handlerClass, "has no public zero-argument constructor; add one so that AWS Lambda can "
                    + "create it");
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new HandlerLoadException(subject(handlerClass) + " threw " + describe(cause)
                    + " in its constructor; fix the constructor (the cause is attached)", cause);
        } catch (InstantiationException e) {
            throw failure(handlerClass, "is abstract; name a concrete class in the handler");
        } catch (IllegalAccessException e) {
            throw failure(handlerClass, "cannot be created from outside its package; make its constructor public");
        }
    }

    private Type[] requestHandlerTypes(Class<?> handlerClass) {
        Type[] types = RequestHandlerTypes.of(handlerClass);
        if (types == null) {
            throw failure(handlerClass, "does not implement RequestHandler with concrete type parameters; declare "
                    + "them, e.g. implements RequestHandler<Map<String, Object>, String>");
        }
        if (types.length != 2) {
            throw failure(handlerClass, "implements RequestHandler through an interface with " + types.length
                    + " type parameters, which the AWS Lambda runtime rejects; implement RequestHandler<I, O> "
                    + "directly");
        }
        TypeVariable<?> open = RequestHandlerTypes.unbounded(types);
        if (open != null) {
            throw failure(handlerClass, "leaves the RequestHandler type parameter " + open.getName()
                    + " open; give it a concrete type, as AWS Lambda needs it to deserialize the event");
        }
        return types;
    }

    private RuntimeSerializers serializers() {
        try {
            return RuntimeSerializers.of(loader);
        } catch (IllegalStateException | ServiceConfigurationError e) {
            throw new HandlerLoadException("function " + settings.name() + " has an unusable CustomPojoSerializer ("
                    + e.getMessage() + "); register exactly one working implementation in META-INF/services", e);
        }
    }

    private String where() {
        List<Path> searched = loader instanceof FunctionClassLoader functionLoader
                ? functionLoader.classpath()
                : settings.classpath();
        return searched.isEmpty() ? "on apigw's classpath" : "on the classpath " + searched;
    }

    private HandlerLoadException failure(Class<?> handlerClass, String problemAndFix) {
        return new HandlerLoadException(subject(handlerClass) + " " + problemAndFix);
    }

    private String subject(Class<?> handlerClass) {
        return "handler class " + handlerClass.getName() + " for function " + settings.name();
    }

    static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getName() : t.getClass().getName() + ": " + t.getMessage();
    }
}
