from mandate_tracker.cli import main

main()
