import Foundation

#if !FUZZING
/// Without libFuzzer (an ordinary build), the harness replays files: each argument is an input,
/// e.g. a crash file libFuzzer wrote, so a finding can be reproduced under a debugger.
@main
enum FuzzReplay {
    static func main() {
        let paths = CommandLine.arguments.dropFirst()
        if paths.isEmpty {
            FileHandle.standardError.write(Data("usage: FuzzPipeline FILE... (build with scripts/fuzz.sh to fuzz)\n".utf8))
            exit(2)
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("FuzzPipeline: cannot read \(path)\n".utf8))
                exit(2)
            }
            FuzzHarness.run([UInt8](data))
            print("ok \(path)")
        }
    }
}
#endif
