import RegvizCommand
RegvizMain.run()
