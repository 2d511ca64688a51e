/* firmware/identity.c: who the board says it is (core/port.h): the machine's name and the text
 * help() prints, which lists what this firmware has. The version is in firmware/version.c (built
 * again per `make VERSION=`). Invariant: core/ and modules/ never spell these out themselves. */
#include "core/port.h"

const char port_machine[] = "WiPy with CC3200";

const char port_help_text[] =
    "Welcome to MicroPython on the WiPy (WiPy with CC3200)!\n"
    "\n"
    "The board's files are under /flash: boot.py runs at every boot, then main.py.\n"
    "Reach its REPL over telnet too (user micro, password python).\n"
    "\n"
    "Quick overview of commands for the board (only what this firmware has):\n"
    "  machine.Pin('GP25', machine.Pin.OUT) -- make a pin object\n"
    "  pin.value([v])             -- get or set the value of a pin\n"
    "  machine.UART(1, 9600)      -- make a UART\n"
    "  machine.I2C(0)             -- the I2C bus (scan(), readfrom_mem(), ...)\n"
    "  import wipy; wipy.heartbeat(False) -- stop the heartbeat LED\n"
    "  machine.reset()            -- a hard reset; machine.soft_reset() a soft one\n"
    "  import os; os.listdir('/flash')    -- the files on the board\n"
    "  import network; network.Server()   -- the telnet/FTP servers' login and timeout\n"
    "\n"
    "Control commands:\n"
    "  CTRL-A        -- on a blank line, enter raw REPL mode\n"
    "  CTRL-B        -- on a blank line, enter normal REPL mode\n"
    "  CTRL-C        -- interrupt a running program\n"
    "  CTRL-D        -- on a blank line, do a soft reset of the board\n"
    "  CTRL-E        -- on a blank line, enter paste mode\n"
    "\n"
    "For further help on a specific object, type help(obj)\n"
    "For a list of available modules, type help('modules')\n";
