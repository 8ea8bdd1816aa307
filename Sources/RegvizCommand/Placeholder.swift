public enum RegvizMain { public static func run() { print("regviz") } }
