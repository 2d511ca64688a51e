/* board/pin_table.c: the 25 user pins of board/pins.csv (spec §4) as a C table, in the csv's order;
 * tests/unit/pin_test.c checks it against the csv. Index = the pin's number in board/ (pin.h). */
#include "board/pin.h"

const pin_info_t pin_info[PIN_COUNT] = {
    {"GP0", 0, "R12", -1, false, PIN_I2C_NONE, 4, {{"UART0_RTS", 3}, {"SPI0_CS0", 9}, {"UART1_RTS", 10}, {"UART0_CTS", 12}}},
    {"GP1", 1, "L3", -1, false, PIN_I2C_NONE, 2, {{"UART0_TX", 3}, {"UART1_TX", 6}}},
    {"GP2", 2, "L2", 0, true, PIN_I2C_NONE, 3, {{"UART0_RX", 3}, {"UART1_RX", 6}, {"ADC0_CH0", -1}}},
    {"GP3", 3, "R11", 1, false, PIN_I2C_NONE, 2, {{"UART1_TX", 6}, {"ADC0_CH1", -1}}},
    {"GP4", 4, "R13", 2, true, PIN_I2C_NONE, 2, {{"UART1_RX", 6}, {"ADC0_CH2", -1}}},
    {"GP5", 5, "R14", 3, false, PIN_I2C_NONE, 1, {{"ADC0_CH3", -1}}},
    {"GP6", 6, "R8", -1, false, PIN_I2C_NONE, 3, {{"UART1_CTS", 3}, {"UART0_RTS", 5}, {"UART0_CTS", 6}}},
    {"GP7", 7, "R7", -1, false, PIN_I2C_NONE, 3, {{"UART1_RTS", 3}, {"UART0_RTS", 10}, {"UART0_TX", 11}}},
    {"GP8", 8, "R6", -1, false, PIN_I2C_NONE, 0, {}},
    {"GP9", 9, "R5", -1, false, PIN_I2C_NONE, 2, {{"TIM2_PWM", 3}, {"SD0_DAT0", 6}}},
    {"GP10", 10, "R4", -1, true, PIN_I2C_SCL, 4, {{"I2C0_SCL", 1}, {"TIM3_PWM", 3}, {"SD0_CLK", 6}, {"UART1_TX", 7}}},
    {"GP11", 11, "L6", -1, true, PIN_I2C_SDA, 4, {{"I2C0_SDA", 1}, {"TIM3_PWM", 3}, {"SD0_CMD", 6}, {"UART1_RX", 7}}},
    {"GP12", 12, "L7", -1, false, PIN_I2C_SCL, 2, {{"I2C0_SCL", 5}, {"UART0_TX", 7}}},
    {"GP13", 13, "L8", -1, true /* spec 4: also a wake pin */, PIN_I2C_SDA, 2, {{"I2C0_SDA", 5}, {"UART0_RX", 7}}},
    {"GP14", 14, "L9", -1, false, PIN_I2C_SCL, 2, {{"I2C0_SCL", 5}, {"SPI0_CLK", 7}}},
    {"GP15", 15, "L10", -1, false, PIN_I2C_SDA, 3, {{"I2C0_SDA", 5}, {"SPI0_MISO", 7}, {"SD0_DAT0", 8}}},
    {"GP16", 16, "L11", -1, false, PIN_I2C_NONE, 3, {{"UART1_TX", 5}, {"SPI0_MOSI", 7}, {"SD0_CLK", 8}}},
    {"GP17", 17, "L12", -1, true, PIN_I2C_NONE, 3, {{"UART1_RX", 5}, {"SPI0_CS0", 7}, {"SD0_CMD", 8}}},
    {"GP22", 22, "L13", -1, false, PIN_I2C_NONE, 0, {}},
    {"GP23", 23, "L4", -1, false, PIN_I2C_SCL, 2, {{"UART1_TX", 2}, {"I2C0_SCL", 9}}},
    {"GP24", 24, "L5", -1, true, PIN_I2C_SDA, 3, {{"UART1_RX", 2}, {"TIM0_PWM", 5}, {"I2C0_SDA", 9}}},
    {"GP25", 25, "HBL", -1, false, PIN_I2C_NONE, 1, {{"TIM1_PWM", 9}}},
    {"GP28", 28, "L14", -1, false, PIN_I2C_NONE, 0, {}},
    {"GP30", 30, "R9", -1, false, PIN_I2C_NONE, 2, {{"SPI0_MISO", 7}, {"UART0_TX", 9}}},
    {"GP31", 31, "R10", -1, false, PIN_I2C_NONE, 3, {{"UART1_RX", 2}, {"SPI0_CLK", 7}, {"UART0_RX", 9}}},
};
