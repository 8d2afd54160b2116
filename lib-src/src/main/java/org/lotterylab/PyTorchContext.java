package org.lotterylab;

import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.Map;

/**
 * PyTorch's global settings ({@code at::Context}) that DJL does not expose: oneDNN on or off and
 * the deterministic-algorithms switches, the same as {@code torch.backends.mkldnn.enabled}, {@code torch.backends.nnpack.enabled} and
 * {@code torch.use_deterministic_algorithms} in Python.
 *
 * <p>They are reached through the C++ symbols that {@code libtorch_cpu.so} exports: a member
 * function is called as a plain function whose first argument is the object (the Itanium C++ ABI
 * that every x86-64 Linux compiler follows). The library is the one DJL has already loaded.
 */
final class PyTorchContext {

    /**
     * dlopen's flags: JNA's default adds RTLD_GLOBAL, which would expose libtorch's bundled symbols
     * to every library loaded later (OR-Tools then crashed registering its absl flags); RTLD_NOLOAD
     * takes the copy already loaded instead of loading a second one.
     */
    private static final int RTLD_LAZY = 0x1;
    private static final int RTLD_NOLOAD = 0x4;

    private final NativeLibrary library;
    private final Pointer context;

    private PyTorchContext(NativeLibrary library) {
        this.library = library;
        this.context = library.getFunction("_ZN2at13globalContextEv").invokePointer(new Object[0]);
    }

    /**
     * @return the context of the libtorch that DJL loaded
     * @throws UnsatisfiedLinkError when that libtorch does not export the symbols
     */
    static PyTorchContext ofLoadedLibrary() {
        Path library = Path.of(LibUtils.getLibtorchPath()).resolve("libtorch_cpu.so");
        return new PyTorchContext(NativeLibrary.getInstance(library.toString(),
                Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY | RTLD_NOLOAD)));
    }

    boolean oneDnnEnabled() {
        return call("_ZNK2at7Context17userEnabledMkldnnEv").invokeInt(new Object[] {context}) != 0;
    }

    void setOneDnnEnabled(boolean enabled) {
        call("_ZN2at7Context20setUserEnabledMkldnnEb").invokeVoid(new Object[] {context, enabled});
    }

    /** As {@code torch.backends.nnpack.enabled}. */
    void setNnpackEnabled(boolean enabled) {
        call("_ZN2at7Context20setUserEnabledNNPACKEb").invokeVoid(new Object[] {context, enabled});
    }

    /** As {@code torch.use_deterministic_algorithms(true, warn_only)}. */
    void setDeterministicAlgorithms(boolean enabled, boolean warnOnly) {
        call("_ZN2at7Context26setDeterministicAlgorithmsEbb").invokeVoid(new Object[] {context, enabled, warnOnly});
    }

    boolean deterministicAlgorithms() {
        return call("_ZNK2at7Context23deterministicAlgorithmsEv").invokeInt(new Object[] {context}) != 0;
    }

    /** As {@code torch.backends.cudnn.deterministic}; harmless without CUDA. */
    void setDeterministicCuDnn(boolean enabled) {
        call("_ZN2at7Context21setDeterministicCuDNNEb").invokeVoid(new Object[] {context, enabled});
    }

    private Function call(String symbol) {
        return library.getFunction(symbol);
    }
}
