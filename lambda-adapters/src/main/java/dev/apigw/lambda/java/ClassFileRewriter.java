package dev.apigw.lambda.java;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the class files a {@link FunctionClassLoader} defines, redirecting calls of JDK methods that would reach
 * past the function to apigw's stand-ins:
 * <ul>
 *   <li>{@code System.getenv(String)} and {@code System.getenv()} to {@link FunctionEnvironment}, when the loader
 *       gives its function an environment;
 *   <li>{@code System.exit(int)}, {@code Runtime.exit(int)} and {@code Runtime.halt(int)} to {@link FunctionExit},
 *       always: in-process, they would stop apigw itself.
 * </ul>
 * Plain calls are rewritten, and method references ({@code System::exit}) and method handle constants. A stand-in
 * takes exactly the operands the original call took (an instance method becomes a static one taking the receiver
 * first), so the stack and the frames stay as they were and nothing needs to be recomputed. Calls through reflection
 * or {@code MethodHandles.Lookup} are not rewritten.
 */
final class ClassFileRewriter {
    /** One redirected method: its owner, name and descriptor, and the static method of that name it goes to. */
    private record Redirect(String owner, String name, String descriptor, boolean virtual, String target,
            String targetDescriptor) {

        boolean matches(String callOwner, String callName, String callDescriptor) {
            return owner.equals(callOwner) && name.equals(callName) && descriptor.equals(callDescriptor);
        }
    }

    private static final String SYSTEM = "java/lang/System";
    private static final String RUNTIME = "java/lang/Runtime";
    private static final String ENVIRONMENT = FunctionEnvironment.INTERNAL_NAME;
    private static final String EXIT = FunctionExit.INTERNAL_NAME;

    private static final List<Redirect> GETENV = List.of(
            new Redirect(SYSTEM, "getenv", "(Ljava/lang/String;)Ljava/lang/String;", false, ENVIRONMENT,
                    "(Ljava/lang/String;)Ljava/lang/String;"),
            new Redirect(SYSTEM, "getenv", "()Ljava/util/Map;", false, ENVIRONMENT, "()Ljava/util/Map;"));
    private static final List<Redirect> EXITS = List.of(
            new Redirect(SYSTEM, "exit", "(I)V", false, EXIT, "(I)V"),
            new Redirect(RUNTIME, "exit", "(I)V", true, EXIT, "(Ljava/lang/Runtime;I)V"),
            new Redirect(RUNTIME, "halt", "(I)V", true, EXIT, "(Ljava/lang/Runtime;I)V"));

    /**
     * The names as a class file's constant pool spells them (tag 1, a two-byte length, the bytes): a class that calls
     * one of the methods has that constant, and most classes have none of them.
     */
    private static final byte[] GETENV_CONSTANT = utf8Constant("getenv");
    private static final byte[] EXIT_CONSTANT = utf8Constant("exit");
    private static final byte[] HALT_CONSTANT = utf8Constant("halt");

    private ClassFileRewriter() {}

    /**
     * The class file with its calls redirected, or {@code classFile} itself when it makes none.
     *
     * @param environment whether {@code System.getenv} calls go to {@link FunctionEnvironment}
     */
    static byte[] rewrite(byte[] classFile, boolean environment) {
        boolean getenv = environment && contains(classFile, GETENV_CONSTANT);
        boolean exits = contains(classFile, EXIT_CONSTANT) || contains(classFile, HALT_CONSTANT);
        // Skipping classes that never name the methods keeps class loading as fast as without rewriting.
        if (!getenv && !exits) {
            return classFile;
        }
        List<Redirect> redirects = getenv && exits ? concat(GETENV, EXITS) : getenv ? GETENV : EXITS;
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        Redirecting redirecting = new Redirecting(writer, redirects);
        reader.accept(redirecting, 0);
        return redirecting.changed ? writer.toByteArray() : classFile;
    }

    private static List<Redirect> concat(List<Redirect> first, List<Redirect> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    private static byte[] utf8Constant(String name) {
        byte[] text = name.getBytes(StandardCharsets.UTF_8);
        byte[] constant = new byte[text.length + 3];
        constant[0] = 1; // CONSTANT_Utf8
        constant[1] = (byte) (text.length >> 8);
        constant[2] = (byte) text.length;
        System.arraycopy(text, 0, constant, 3, text.length);
        return constant;
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static final class Redirecting extends ClassVisitor {
        private final List<Redirect> redirects;
        boolean changed;

        Redirecting(ClassVisitor next, List<Redirect> redirects) {
            super(Opcodes.ASM9, next);
            this.redirects = redirects;
        }

        private @Nullable Redirect find(String owner, String name, String descriptor) {
            for (Redirect redirect : redirects) {
                if (redirect.matches(owner, name, descriptor)) {
                    return redirect;
                }
            }
            return null;
        }

        @Override
        public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                @Override
                public void visitMethodInsn(
                        int opcode, String owner, String name, String descriptor, boolean isInterface) {
                    Redirect redirect = find(owner, name, descriptor);
                    boolean applies = redirect != null
                            && opcode == (redirect.virtual() ? Opcodes.INVOKEVIRTUAL : Opcodes.INVOKESTATIC);
                    if (applies) {
                        changed = true;
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, redirect.target(), redirect.name(),
                                redirect.targetDescriptor(), false);
                    } else {
                        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(
                        String name, String descriptor, Handle bootstrap, Object... arguments) {
                    Object[] redirected = new Object[arguments.length];
                    for (int i = 0; i < arguments.length; i++) {
                        redirected[i] = redirected(arguments[i]);
                    }
                    super.visitInvokeDynamicInsn(name, descriptor, bootstrap, redirected);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    super.visitLdcInsn(redirected(value));
                }
            };
        }

        /**
         * A method handle constant to a redirected method points to its stand-in; a virtual one becomes a static one
         * taking the receiver first, which {@code LambdaMetafactory} binds the same way (bound or unbound).
         */
        private Object redirected(Object constant) {
            if (constant instanceof Handle handle) {
                Redirect redirect = find(handle.getOwner(), handle.getName(), handle.getDesc());
                int expectedTag = redirect != null && redirect.virtual() ? Opcodes.H_INVOKEVIRTUAL : Opcodes.H_INVOKESTATIC;
                if (redirect != null && handle.getTag() == expectedTag) {
                    changed = true;
                    return new Handle(Opcodes.H_INVOKESTATIC, redirect.target(), redirect.name(),
                            redirect.targetDescriptor(), false);
                }
            }
            if (constant instanceof ConstantDynamic dynamic) {
                Object[] arguments = new Object[dynamic.getBootstrapMethodArgumentCount()];
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = redirected(dynamic.getBootstrapMethodArgument(i));
                }
                return new ConstantDynamic(
                        dynamic.getName(), dynamic.getDescriptor(), dynamic.getBootstrapMethod(), arguments);
            }
            return constant;
        }
    }
}
