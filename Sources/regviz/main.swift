import RegvizCommand

CrashReports.makeNonInteractive()
RegvizMain.run()
