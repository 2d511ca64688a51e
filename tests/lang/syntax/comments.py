# leading comment

x = 1  # trailing
# between

    # indented comment
if x:  # after colon
    # inside block
    print('a')  # c
        # deeper comment
    print('b')
# at end
