import ArgumentParser

/// The `--data-dir` help, shared by every command that reads lessons or data: installed users
/// have no DECISIONS.md, so the help itself states where RegViz looks (ResourceLocator's order).
enum DataDirHelp {
  static let help = ArgumentHelp(
    "Where RegViz's assets/ and lessons/ are; only this directory is searched. Without it: "
      + "$REGVIZ_DATA_DIR, <bin>/../share/regviz, <bin>/regviz-data (<bin> = the directory of the "
      + "regviz binary), then the source tree regviz was built from, first hit wins.",
    valueName: "dir")
}
