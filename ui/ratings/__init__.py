"""Citizens' ratings in the window: the picker of the return dialog, the dossier tab, the unhappy list."""
