package dev.apigw.lambda.java;

import java.nio.charset.StandardCharsets;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a class file so that its calls of {@code System.getenv(String)} and {@code System.getenv()} go to
 * {@link FunctionEnvironment} instead: plain calls, and method references ({@code System::getenv}) and method handle
 * constants. Both methods keep their descriptors, so the stack and the frames stay as they were and nothing needs to
 * be recomputed. Calls through reflection or {@code MethodHandles.Lookup.findStatic} are not rewritten.
 */
final class GetenvRewriter {
    private static final String SYSTEM = "java/lang/System";
    private static final String GETENV = "getenv";
    private static final byte[] GETENV_UTF8 = GETENV.getBytes(StandardCharsets.UTF_8);

    private GetenvRewriter() {}

    /** The class file with its getenv calls redirected, or {@code classFile} itself when it makes none. */
    static byte[] rewrite(byte[] classFile) {
        // Most classes never mention getenv; skipping them keeps class loading as fast as without rewriting.
        if (!contains(classFile, GETENV_UTF8)) {
            return classFile;
        }
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        Redirect redirect = new Redirect(writer);
        reader.accept(redirect, 0);
        return redirect.changed ? writer.toByteArray() : classFile;
    }

    private static boolean isGetenv(String owner, String name, String descriptor) {
        return owner.equals(SYSTEM) && name.equals(GETENV)
                && (descriptor.equals("(Ljava/lang/String;)Ljava/lang/String;")
                        || descriptor.equals("()Ljava/util/Map;"));
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

    private static final class Redirect extends ClassVisitor {
        boolean changed;

        Redirect(ClassVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                @Override
                public void visitMethodInsn(
                        int opcode, String owner, String name, String descriptor, boolean isInterface) {
                    if (opcode == Opcodes.INVOKESTATIC && isGetenv(owner, name, descriptor)) {
                        changed = true;
                        super.visitMethodInsn(opcode, FunctionEnvironment.INTERNAL_NAME, name, descriptor, false);
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

        private Object redirected(Object constant) {
            if (constant instanceof Handle handle && handle.getTag() == Opcodes.H_INVOKESTATIC
                    && isGetenv(handle.getOwner(), handle.getName(), handle.getDesc())) {
                changed = true;
                return new Handle(Opcodes.H_INVOKESTATIC, FunctionEnvironment.INTERNAL_NAME, handle.getName(),
                        handle.getDesc(), false);
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
