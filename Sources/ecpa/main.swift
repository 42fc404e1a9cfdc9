import ECPACLI

ECPACommand.main()
